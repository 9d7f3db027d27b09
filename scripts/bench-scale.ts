// npm run bench:scale: build generated editions of 10, 100 and 1000 entries (copies of the real
// 2022 entries under other years and slugs, in a temporary folder, never in content/) and print one
// line of figures per size, cold (empty caches) and warm (a rebuild with the caches kept).
// Figures only: nothing here passes or fails.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const SIZES = (process.env.SIZES ?? '10,100,1000').split(',').map(Number);
const REAL = 'content/2022';
const FIRST_YEAR = 2000;

/** A content folder of `entries` entries: editions of ten, years from 2000, slugs suffixed by year. */
function generateContent(entries: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'zz-scale-content-'));
  const files = readdirSync(REAL).filter((f) => f.endsWith('.mdx'));
  const edition = readFileSync(join(REAL, 'edition.yaml'), 'utf8');
  for (let k = 0; k < entries / files.length; k++) {
    const year = FIRST_YEAR + k;
    mkdirSync(join(dir, String(year)));
    const rename = (text: string) => text.replace(/\b(section: |slug: )([a-z-]+)/g, `$1$2-${year}`);
    writeFileSync(join(dir, String(year), 'edition.yaml'), rename(edition.replace(/^year: \d+/m, `year: ${year}`)));
    for (const file of files) writeFileSync(join(dir, String(year), file.replace('.mdx', `-${year}.mdx`)), rename(readFileSync(join(REAL, file), 'utf8')));
  }
  return dir;
}

function sizeOf(path: string): number {
  return readdirSync(path, { recursive: true, encoding: 'utf8' }).reduce((sum, f) => {
    const stat = statSync(join(path, f));
    return stat.isFile() ? sum + stat.size : sum;
  }, 0);
}

interface Run {
  seconds: number;
  peakMiB: number;
  outputMiB: number;
  indexMiB: number;
}

async function build(contentDir: string, outDir: string, caches: { content: string; images: string }): Promise<Run> {
  const started = performance.now();
  // GNU time reports the peak resident memory of the whole build (Astro's process and its children).
  const { stderr } = await promisify(execFile)(
    '/usr/bin/time',
    ['-f', 'PEAK_KB=%M', 'npx', 'astro', 'build', '--config', 'tests/support/astro.fixture.config.mjs', '--outDir', outDir],
    {
      env: { ...process.env, CONTENT_DIR: contentDir, FIXTURE_CACHE_DIR: caches.content, SHARE_IMAGE_CACHE: caches.images, PRECOMPRESS_CACHE: caches.images, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 1 << 28,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const peakKb = Number(/PEAK_KB=(\d+)/.exec(stderr)?.[1] ?? 0);
  return { seconds, peakMiB: peakKb / 1024, outputMiB: sizeOf(outDir) / 2 ** 20, indexMiB: sizeOf(join(outDir, 'pagefind')) / 2 ** 20 };
}

const rows: Record<string, Record<number, Run>> = { cold: {}, warm: {} };
for (const entries of SIZES) {
  const content = generateContent(entries);
  const caches = { content: mkdtempSync(join(tmpdir(), 'zz-scale-cache-')), images: mkdtempSync(join(tmpdir(), 'zz-scale-images-')) };
  const outDir = mkdtempSync(join(tmpdir(), 'zz-scale-out-'));
  rows.cold![entries] = await build(content, outDir, caches);
  rows.warm![entries] = await build(content, outDir, caches);
  for (const dir of [content, caches.content, caches.images, outDir]) rmSync(dir, { recursive: true, force: true });
  for (const kind of ['cold', 'warm'] as const) {
    const run = rows[kind]![entries]!;
    const previous = SIZES[SIZES.indexOf(entries) - 1];
    const before = previous ? rows[kind]![previous] : undefined;
    const marginal = before ? `${(((run.seconds - before.seconds) * 1000) / (entries - previous!)).toFixed(1)} ms/entry from ${previous}` : 'n/a';
    console.log(
      `${String(entries).padStart(4)} entries ${kind}: ${run.seconds.toFixed(1)} s wall, ${((run.seconds * 1000) / entries).toFixed(1)} ms/entry, marginal ${marginal}, peak ${run.peakMiB.toFixed(0)} MiB, output ${run.outputMiB.toFixed(1)} MiB, index ${run.indexMiB.toFixed(2)} MiB`,
    );
  }
}
