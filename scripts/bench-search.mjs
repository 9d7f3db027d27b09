// npm run bench:search — what search costs a reader: the index's size, the bytes a first query
// downloads, and the time from the first keystroke to results in Chromium (median of several runs).
// Builds the site first when dist/ has no index. Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');
const RUNS = 7;
const QUERY = '酒驾';

if (!existsSync(join(DIST, 'pagefind', 'pagefind-entry.json'))) {
  const build = spawnSync('npx', ['astro', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** Bytes a host sends: Pagefind's pf_* files are gzipped already, text files get gzipped by the host. */
const sentBytes = (file) => {
  const body = readFileSync(file);
  return /\.pf_|\.pagefind$/.test(file) ? body.length : gzipSync(body).length;
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

// The index proper (what search needs), leaving out Pagefind's prebuilt UIs, which the site does not load.
const pagefindFiles = filesUnder(join(DIST, 'pagefind')).filter((f) => !/pagefind-(component-|modular-)?ui\.|pagefind-highlight/.test(f));
const indexBytes = pagefindFiles.reduce((sum, f) => sum + statSync(f).size, 0);
const indexSent = pagefindFiles.reduce((sum, f) => sum + sentBytes(f), 0);

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };
const server = createServer((req, res) => {
  let file = join(DIST, normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(DIST) || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const firstTimes = [];
const laterTimes = [];
let firstQueryFiles = [];
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${origin}/2022/`, { waitUntil: 'networkidle' });
  const requested = [];
  page.on('requestfinished', (request) => requested.push(new URL(request.url()).pathname));
  const input = page.locator('site-search[data-mode="popup"] input');
  await input.focus();
  const status = page.locator('site-search[data-mode="popup"] [role="status"]');
  let start = performance.now();
  await input.pressSequentially(QUERY);
  await status.filter({ hasText: `与“${QUERY}”相关` }).waitFor();
  firstTimes.push(performance.now() - start);
  firstQueryFiles = [...new Set(requested)];
  await input.fill('');
  start = performance.now();
  await input.pressSequentially('头盔');
  await status.filter({ hasText: '与“头盔”相关' }).waitFor();
  laterTimes.push(performance.now() - start);
  await context.close();
}
await browser.close();
server.close();

const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
const firstBytes = firstQueryFiles.map((path) => sentBytes(join(DIST, path))).reduce((a, b) => a + b, 0);
console.log(`Search benchmark (${RUNS} runs, phone viewport, local server, query “${QUERY}”)`);
console.log(`  index (Pagefind runtime + data, ${pagefindFiles.length} files): ${kb(indexBytes)} on disk, ${kb(indexSent)} sent gzipped`);
console.log(`  first query downloads: ${kb(firstBytes)} gzipped, ${firstQueryFiles.length} files:`);
for (const path of firstQueryFiles) console.log(`    ${path.padEnd(48)} ${kb(sentBytes(join(DIST, path)))}`);
console.log(`  keystroke → results, first query (cold, includes the 120 ms typing pause): median ${median(firstTimes).toFixed(0)} ms`);
console.log(`  keystroke → results, next query (warm): median ${median(laterTimes).toFixed(0)} ms`);
console.log(`  (all runs, first: ${firstTimes.map((t) => t.toFixed(0)).join(', ')} ms)`);

