import { describe, expect, it } from 'vitest';
import { PHONE } from '../support/browser';
import { siteInBrowser } from '../support/site-in-browser';

const CHART_CHUNK = /\/_astro\/draw-chart\.[\w-]+\.js$/;
// A screen tall enough to hold the achievement's first chart, as Lighthouse's emulated page does.
const TALL_PHONE = { ...PHONE, viewport: { width: 390, height: 3000 } };

const env = siteInBrowser();

describe('the chart code waits for the first paint', () => {
  it('a chart on screen is not fetched before the page has shown its text, and is drawn after', async () => {
    const context = await env.browser.newContext(TALL_PHONE);
    // Hold back the browser's first-contentful-paint report until the test releases it, as a busy
    // phone does when its first frame reaches the screen late.
    await context.addInitScript(() => {
      const Native = PerformanceObserver;
      const held: (() => void)[] = [];
      Object.assign(window, { releasePaint: () => held.splice(0).forEach((deliver) => deliver()) });
      window.PerformanceObserver = class extends Native {
        constructor(callback: PerformanceObserverCallback) {
          super((list, observer) => {
            if (list.getEntriesByType('paint').length) held.push(() => callback(list, observer));
            else callback(list, observer);
          });
        }
      };
    });
    const page = await context.newPage();
    const chartCode: string[] = [];
    page.on('request', (request) => {
      if (CHART_CHUNK.test(new URL(request.url()).pathname)) chartCode.push(request.url());
    });
    await page.goto(`${env.site.origin}/2022/drunk-driving/`, { waitUntil: 'networkidle' });
    expect(await page.locator('site-chart').first().isVisible()).toBe(true);
    expect(chartCode).toEqual([]);

    await page.evaluate(() => (window as unknown as { releasePaint(): void }).releasePaint());
    await page.locator('site-chart[data-drawn]').first().waitFor();
    expect(chartCode).toHaveLength(1);
    await context.close();
  });
});
