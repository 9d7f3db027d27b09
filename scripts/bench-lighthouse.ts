// npm run bench: build the site, serve it with gzip on 127.0.0.1, run Lighthouse (mobile) in
// Debian's Chromium on every kind of page, print each category's score, each page's transferred
// weight, its LCP and what blocks the first paint, and write them to bench/lighthouse.json.
// Figures only: nothing here passes or fails (tests/build/first-paint.test.ts holds the budget).
// `--runs=N` runs Lighthouse N times per page and records the range (this machine is shared and
// noisy); `--no-build` reuses dist/, `--dist=DIR` measures another build (e.g. a copy of an older
// one, to compare); further arguments are paths to measure instead of every kind.
import { execFileSync, execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM } from '../tests/support/browser.ts';
import { DIST } from '../tests/support/dist.ts';
import { serveStatic } from '../tests/support/server.ts';

const CHART_CODE = /chart/i;

interface NetworkRequest {
  url: string;
  transferSize: number;
  resourceType?: string;
  priority?: string;
}

interface Run {
  scores: Record<string, number>;
  transferredBytes: number;
  firstLoadBytesWithoutChartCode: number;
  requests: number;
  largestContentfulPaintMs: number;
  cumulativeLayoutShift: number;
  firstContentfulPaintMs: number;
  renderBlocking: string[];
}

const args = process.argv.slice(2);
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 1);
const only = args.filter((a) => a.startsWith('/'));
const otherDist = args.find((a) => a.startsWith('--dist='))?.slice('--dist='.length);
const dist = otherDist ? join(resolve(otherDist), '/') : DIST;

/** Every kind of page: the front, each edition's front, full text and achievements, one embed, the archive, search, data. */
function pagesToMeasure(): string[] {
  const editions = readdirSync(dist).filter((d) => /^\d{4}$/.test(d)).sort();
  const pages = ['/'];
  for (const year of editions) {
    pages.push(`/${year}/`);
    const achievements = readdirSync(join(dist, year), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(dist, year, d.name, 'index.html')))
      .map((d) => `/${year}/${d.name}/`)
      .sort();
    pages.push(...achievements);
  }
  const embeds = readdirSync(join(dist, 'embed'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('index.html')).sort();
  if (embeds[0]) pages.push(`/embed/${embeds[0].replace(/index\.html$/, '')}`);
  return [...pages, '/editions/', '/search/', '/data/'];
}

async function lighthouse(url: string, report: string): Promise<Run> {
  // Asynchronously: the server answering Lighthouse runs in this process.
  await promisify(execFile)('npx', [
    'lighthouse',
    url,
    '--quiet',
    '--output=json',
    `--output-path=${report}`,
    `--chrome-path=${CHROMIUM}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync',
  ]);
  const lhr = JSON.parse(readFileSync(report, 'utf8'));
  const requests: NetworkRequest[] = lhr.audits['network-requests'].details.items;
  const bytes = (items: NetworkRequest[]) => items.reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
  // Lighthouse 12.2.3's trace engine fails on this Chromium's trace (its render-blocking and
  // LCP-element audits report an error), so a stylesheet Chromium fetched at the highest priority
  // stands for a render-blocking one (a print or preloaded-later sheet gets a lower one).
  const blocking = requests.filter((r) => r.resourceType === 'Stylesheet' && r.priority === 'VeryHigh');
  return {
    scores: Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, Math.round((c as { score: number }).score * 100)])),
    transferredBytes: bytes(requests),
    firstLoadBytesWithoutChartCode: bytes(requests.filter((r) => !(r.resourceType === 'Script' && CHART_CODE.test(r.url)))),
    requests: requests.length,
    largestContentfulPaintMs: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
    cumulativeLayoutShift: lhr.audits['cumulative-layout-shift'].numericValue,
    firstContentfulPaintMs: Math.round(lhr.audits['first-contentful-paint'].numericValue),
    renderBlocking: blocking.map((b) => new URL(b.url).pathname),
  };
}

if (!otherDist && !args.includes('--no-build')) execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
// The .gz files the build wrote, as deploy/nginx.conf serves them.
const site = await serveStatic(dist, { gzip: true });
const out = mkdtempSync(join(tmpdir(), 'lighthouse-'));
const results = [];
for (const path of only.length ? only : pagesToMeasure()) {
  if (!existsSync(join(dist, path, 'index.html'))) {
    console.log(`${path}: not built, skipped`);
    continue;
  }
  const measured: Run[] = [];
  for (let i = 0; i < runs; i++) measured.push(await lighthouse(site.origin + path, join(out, 'report.json')));
  const lcp = measured.map((r) => r.largestContentfulPaintMs);
  const last = measured.at(-1)!;
  const result = {
    path,
    scores: Object.fromEntries(Object.keys(last.scores).map((id) => [id, Math.min(...measured.map((r) => r.scores[id]!))])),
    transferredBytes: last.transferredBytes,
    firstLoadBytesWithoutChartCode: last.firstLoadBytesWithoutChartCode,
    requests: last.requests,
    largestContentfulPaintMs: { min: Math.min(...lcp), max: Math.max(...lcp), runs: lcp },
    cumulativeLayoutShift: Math.max(...measured.map((r) => r.cumulativeLayoutShift)),
    firstContentfulPaintMs: last.firstContentfulPaintMs,
    renderBlocking: last.renderBlocking,
  };
  results.push(result);
  const scores = Object.entries(result.scores).map(([id, score]) => `${id} ${score}`).join(', ');
  console.log(
    `${path}: ${scores}; ${(result.transferredBytes / 1024).toFixed(1)} KB in ${result.requests} requests (${(result.firstLoadBytesWithoutChartCode / 1024).toFixed(1)} KB before chart code); ` +
      `LCP ${lcp.join('/')} ms (FCP ${result.firstContentfulPaintMs} ms), CLS ${result.cumulativeLayoutShift}; render-blocking: ${result.renderBlocking.join(' ') || 'none'}`,
  );
}
await site.close();
mkdirSync('bench', { recursive: true });
writeFileSync('bench/lighthouse.json', `${JSON.stringify({ lighthouse: '12.2.3', formFactor: 'mobile', runs, results }, null, 2)}\n`);
console.log('written to bench/lighthouse.json');
