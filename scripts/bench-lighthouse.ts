// npm run bench: build the site, serve it with gzip on 127.0.0.1, run Lighthouse (mobile) in
// Debian's Chromium on a few pages, print each category's score and each page's transferred weight,
// and write them to bench/lighthouse.json. Figures only: nothing here passes or fails.
import { execFileSync, execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM } from '../tests/support/browser.ts';
import { DIST } from '../tests/support/dist.ts';
import { serveStatic } from '../tests/support/server.ts';

const PAGES = ['/', '/2022/civilized-city/', '/2022/drunk-driving/', '/search/'];
const CHART_CODE = /chart/i;

interface NetworkRequest {
  url: string;
  transferSize: number;
  resourceType?: string;
}

if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
const site = await serveStatic(DIST, { gzip: true });
const out = mkdtempSync(join(tmpdir(), 'lighthouse-'));
const results = [];
for (const path of PAGES) {
  if (!existsSync(join(DIST, path, 'index.html'))) {
    console.log(`${path}: not built, skipped`);
    continue;
  }
  const report = join(out, 'report.json');
  // Asynchronously: the server answering Lighthouse runs in this process.
  await promisify(execFile)(
    'npx',
    [
      'lighthouse',
      site.origin + path,
      '--quiet',
      '--output=json',
      `--output-path=${report}`,
      `--chrome-path=${CHROMIUM}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync',
    ],
  );
  const lhr = JSON.parse(readFileSync(report, 'utf8'));
  const requests: NetworkRequest[] = lhr.audits['network-requests'].details.items;
  const bytes = (items: NetworkRequest[]) => items.reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
  const result = {
    path,
    scores: Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, Math.round((c as { score: number }).score * 100)])),
    transferredBytes: bytes(requests),
    firstLoadBytesWithoutChartCode: bytes(requests.filter((r) => !(r.resourceType === 'Script' && CHART_CODE.test(r.url)))),
    requests: requests.length,
    largestContentfulPaintMs: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
    cumulativeLayoutShift: lhr.audits['cumulative-layout-shift'].numericValue,
  };
  results.push(result);
  const scores = Object.entries(result.scores).map(([id, score]) => `${id} ${score}`).join(', ');
  console.log(`${path}: ${scores}; ${(result.transferredBytes / 1024).toFixed(1)} KB transferred in ${result.requests} requests (${(result.firstLoadBytesWithoutChartCode / 1024).toFixed(1)} KB before chart code); LCP ${result.largestContentfulPaintMs} ms, CLS ${result.cumulativeLayoutShift}`);
}
await site.close();
mkdirSync('bench', { recursive: true });
writeFileSync('bench/lighthouse.json', `${JSON.stringify({ lighthouse: '12.2.3', formFactor: 'mobile', results }, null, 2)}\n`);
console.log('written to bench/lighthouse.json');
