// Prints the gzip size of the JavaScript an achievement page loads before and after its charts are drawn.
// Run with `npm run bench:charts` (it builds dist/ first).
import { gzipSync } from 'node:zlib';
import { PHONE, launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/server.ts';

const PAGES = ['congress-security', 'civilized-city', 'muck-trucks', 'drunk-driving', 'severe-weather-road', 'enforcement-oversight'];

const site = await serveStatic();
const browser = await launchBrowser();
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

console.log('JavaScript per section page, gzip (level 6), on a 390×400 phone screen');
console.log('page'.padEnd(28), 'on load'.padStart(10), 'after charts'.padStart(14), '  files after');
for (const slug of PAGES) {
  const context = await browser.newContext({ ...PHONE, viewport: { width: 390, height: 400 } });
  const page = await context.newPage();
  const scripts = new Map<string, number>();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.set(new URL(response.url()).pathname, gzipSync(await response.body()).length);
  });
  await page.goto(`${site.origin}/2022/${slug}/`, { waitUntil: 'networkidle' });
  const onLoad = [...scripts.values()].reduce((a, b) => a + b, 0);
  const charts = page.locator('site-chart');
  for (let i = 0; i < (await charts.count()); i++) {
    await charts.nth(i).scrollIntoViewIfNeeded();
    await charts.nth(i).and(page.locator('[data-drawn]')).waitFor();
  }
  await page.waitForLoadState('networkidle');
  const after = [...scripts.values()].reduce((a, b) => a + b, 0);
  const files = [...scripts].map(([path, size]) => `${path.split('/').pop()!.replace(/\.[\w-]+\.js$/, '')} ${kb(size)}`).join(', ');
  console.log(`/2022/${slug}/`.padEnd(28), kb(onLoad).padStart(10), kb(after).padStart(14), `  ${files || '(none)'}`);
  await context.close();
}

await browser.close();
await site.close();
