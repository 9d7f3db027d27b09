// npm run bench:import: the time to import each fixture article (read, structure, type the figures,
// draft the files, in memory), the median of several runs after one warm-up, and the whole command
// once (Node start and module loading included). Figures only: nothing here passes or fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 20);
const load = <T>(path: string) =>
  runnerImport<T>(resolve(ROOT, path), { root: ROOT, configFile: false, logLevel: 'silent', resolve: { alias: { '@': resolve(ROOT, 'src') } } }).then((r) => r.module);

const { draftFromFile } = await load<typeof import('../src/lib/import/index.ts')>('src/lib/import/index.ts');
const { fixtureArticles, SOURCE_ARTICLE } = await load<typeof import('../tests/support/import-fixtures.ts')>('tests/support/import-fixtures.ts');

const dir = mkdtempSync(join(tmpdir(), 'zz-bench-import-'));
const articles = [{ name: '2022 source', file: SOURCE_ARTICLE }, ...(await fixtureArticles(dir))];
console.log(`import, median of ${RUNS} runs (in process, after one warm-up):`);
for (const { name, file } of articles) {
  await draftFromFile(file, 2031);
  const times: number[] = [];
  let figures = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const { draft } = await draftFromFile(file, 2031);
    times.push(performance.now() - start);
    figures = draft.entries.reduce((n, e) => n + e.figures.metrics.length, 0);
  }
  times.sort((a, b) => a - b);
  console.log(`  ${name.padEnd(12)} ${times[Math.floor(RUNS / 2)]!.toFixed(1).padStart(7)} ms   (${figures} metrics)`);
}

const content = join(dir, 'content');
const start = performance.now();
const run = spawnSync('node', ['scripts/import.ts', SOURCE_ARTICLE, '--year', '2031'], { cwd: ROOT, env: { ...process.env, CONTENT_DIR: content }, encoding: 'utf8' });
console.log(`npm run import of the 2022 article, whole command: ${(performance.now() - start).toFixed(0)} ms (exit ${run.status})`);
rmSync(dir, { recursive: true, force: true });
