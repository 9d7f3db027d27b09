// npm run bench:scale: build generated editions of 10, 100 and 1000 entries (copies of the real
// 2022 entries under other years and slugs, in a temporary folder, never in content/) and print one
// line of figures per size and kind of build:
//   cold      every cache empty: content, share images, compressed files, Astro's record of pages;
//   warm      the same build again with every cache kept, as a second `npm run build` runs;
//   rerender  warm, but without Astro's record of pages, so every page is rendered again (as after a
//             change to the code every page shares); share images and compressed files stay cached.
// Figures only: nothing here passes or fails.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
    const rename = (text: string) => text.replace(/\b(achievement: |slug: )([a-z-]+)/g, `$1$2-${year}`);
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

interface Caches {
  content: string;
  images: string;
  compressed: string;
}

/** Resident memory of a process and all its descendants (Astro, its worker threads, Pagefind's binary), in KiB. */
function treeRssKiB(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name: state, ppid, … rss (in pages) is the 22nd of them.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
      rss.set(pid, (Number(fields[21]) * 4096) / 1024);
    } catch {
      // The process ended while /proc was being read.
    }
  }
  let total = 0;
  for (const queue = [root]; queue.length > 0; ) {
    const pid = queue.pop()!;
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

function build(contentDir: string, outDir: string, caches: Caches): Promise<Run> {
  const started = performance.now();
  // Astro's own entry on this Node, so the figures are the build's and not a launcher's.
  const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--config', 'tests/support/astro.fixture.config.mjs', '--outDir', outDir], {
    env: { ...process.env, CONTENT_DIR: contentDir, FIXTURE_CACHE_DIR: caches.content, SHARE_IMAGE_CACHE: caches.images, PRECOMPRESS_CACHE: caches.compressed, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let peakKiB = 0;
  const sampler = setInterval(() => (peakKiB = Math.max(peakKiB, treeRssKiB(child.pid!))), 100);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
    // 'close', not 'exit': stderr is read to the end before a failure is reported.
    child.on('close', (code) => {
      clearInterval(sampler);
      if (code !== 0) return reject(new Error(`astro build failed (${code}):\n${stderr}`));
      const seconds = (performance.now() - started) / 1000;
      resolve({ seconds, peakMiB: peakKiB / 1024, outputMiB: sizeOf(outDir) / 2 ** 20, indexMiB: sizeOf(join(outDir, 'pagefind')) / 2 ** 20 });
    });
  });
}

const KINDS = ['cold', 'warm', 'rerender'] as const;
const rows: Record<(typeof KINDS)[number], Record<number, Run>> = { cold: {}, warm: {}, rerender: {} };
for (const entries of SIZES) {
  const content = generateContent(entries);
  const caches: Caches = { content: mkdtempSync(join(tmpdir(), 'zz-scale-cache-')), images: mkdtempSync(join(tmpdir(), 'zz-scale-images-')), compressed: mkdtempSync(join(tmpdir(), 'zz-scale-compressed-')) };
  const outDir = mkdtempSync(join(tmpdir(), 'zz-scale-out-'));
  rows.cold[entries] = await build(content, outDir, caches);
  rows.warm[entries] = await build(content, outDir, caches);
  // Astro's record of the pages it rendered (experimental.incrementalBuild) lives in the cache folder.
  rmSync(join(caches.content, 'incremental-build.json'));
  rows.rerender[entries] = await build(content, outDir, caches);
  for (const dir of [content, caches.content, caches.images, caches.compressed, outDir]) rmSync(dir, { recursive: true, force: true });
  for (const kind of KINDS) {
    const run = rows[kind][entries]!;
    const previous = SIZES[SIZES.indexOf(entries) - 1];
    const before = previous ? rows[kind][previous] : undefined;
    const marginal = before ? `${(((run.seconds - before.seconds) * 1000) / (entries - previous!)).toFixed(1)} ms/entry from ${previous}` : 'n/a';
    console.log(
      `${String(entries).padStart(4)} entries ${kind.padEnd(8)}: ${run.seconds.toFixed(1)} s wall, ${((run.seconds * 1000) / entries).toFixed(1)} ms/entry, marginal ${marginal}, peak ${run.peakMiB.toFixed(0)} MiB (all processes), output ${run.outputMiB.toFixed(1)} MiB, index ${run.indexMiB.toFixed(2)} MiB`,
    );
  }
}
