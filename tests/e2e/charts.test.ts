import { readFileSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, watchPage } from '../support/browser';
import { siteInBrowser } from '../support/site-in-browser';

const CHART_PAGES = ['civilized-city', 'muck-trucks', 'drunk-driving', 'transport-companies', 'service-windows', 'severe-weather-road', 'enforcement-oversight'].map(
  (slug) => `/2022/${slug}/`,
);
// A short phone screen, so that every page's first chart starts well below the fold.
const SHORT_PHONE: BrowserContextOptions = { ...PHONE, viewport: { width: 390, height: 400 } };
const CHART_CHUNK = /\/_astro\/draw-chart\.[\w-]+\.js$/;

const env = siteInBrowser();

async function openPage(device: BrowserContextOptions, path: string) {
  const context = await env.browser.newContext(device);
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  const watch = watchPage(page, env.site.origin);
  await page.goto(env.site.origin + path, { waitUntil: 'networkidle' });
  return { context, page, scripts, watch };
}

/** Scrolls each chart into view and waits until every one has been drawn and painted. */
async function drawAll(page: Page) {
  const charts = page.locator('site-chart');
  for (let i = 0; i < (await charts.count()); i++) {
    await charts.nth(i).scrollIntoViewIfNeeded();
    await page.locator('site-chart').nth(i).and(page.locator('[data-drawn]')).waitFor();
  }
  // With animation on, Chart.js paints on the next animation frame, not when it is created.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('site-chart canvas')].every((canvas) => {
      const { width, height } = canvas as HTMLCanvasElement;
      const { data } = (canvas as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, width, height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
      return painted > 500;
    }),
  );
  return charts.count();
}

describe('Chart.js arrives only when a chart comes near the viewport', () => {
  it.each(CHART_PAGES)('%s', async (path) => {
    const { context, page, scripts, watch } = await openPage(SHORT_PHONE, path);
    const firstChartTop = await page.locator('site-chart').first().evaluate((el) => el.getBoundingClientRect().top - innerHeight);
    expect(firstChartTop).toBeGreaterThan(200);
    expect(scripts.filter((s) => CHART_CHUNK.test(s))).toEqual([]);
    expect(await page.locator('site-chart[data-drawn]').count()).toBe(0);

    const height = await page.locator('.chart-box').first().evaluate((el) => el.getBoundingClientRect().height);
    const count = await drawAll(page);
    expect(scripts.filter((s) => CHART_CHUNK.test(s))).toHaveLength(1);
    expect(count).toBeGreaterThan(0);
    // The box was reserved: drawing the chart moved nothing.
    expect(await page.locator('.chart-box').first().evaluate((el) => el.getBoundingClientRect().height)).toBe(height);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });
});

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
])('on a %s', (_, device) => {
  it.each(CHART_PAGES)('%s draws every chart without errors and still fits the screen', async (path) => {
    const { context, page, watch } = await openPage(device, path);
    expect(await drawAll(page)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });
});

it('draws at once, without animation, when the reader asks for reduced motion', async () => {
  const { context, page } = await openPage({ ...SHORT_PHONE, reducedMotion: 'reduce' }, '/2022/transport-companies/');
  const chart = page.locator('site-chart');
  // Snapshot the canvas in the same task that draws it: with animation off it is already complete.
  const firstFrame = chart.evaluate(
    (el) =>
      new Promise<string>((resolve) => {
        new MutationObserver(() => resolve(el.querySelector('canvas')!.toDataURL())).observe(el, { attributes: true, attributeFilter: ['data-drawn'] });
      }),
  );
  await chart.scrollIntoViewIfNeeded();
  const drawnAtOnce = await firstFrame;
  await page.waitForTimeout(1000);
  expect(await chart.locator('canvas').evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL())).toBe(drawnAtOnce);
  await context.close();
});

it('downloads each chart as a PNG with a painted background', async () => {
  const { context, page } = await openPage(PHONE, '/2022/muck-trucks/');
  await drawAll(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#chart-violations .chart-download').click()]);
  expect(download.suggestedFilename()).toBe('muck-trucks-violations.png');
  const png = readFileSync((await download.path())!);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const corner = await page.evaluate(async (dataUrl) => {
    const image = new Image();
    image.src = dataUrl;
    await image.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [image.width, image.height];
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    return { width: image.width, alpha: ctx.getImageData(1, 1, 1, 1).data[3] };
  }, `data:image/png;base64,${png.toString('base64')}`);
  expect(corner.alpha).toBe(255);
  expect(corner.width).toBeGreaterThan(390);
  await context.close();
});

it('prints each chart as its table, never as a canvas', async () => {
  const { context, page } = await openPage(DESKTOP, '/2022/civilized-city/');
  await drawAll(page);
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('site-chart details[open]').count()).toBe(await page.locator('site-chart').count());
  expect(await page.locator('.chart-box').first().isVisible()).toBe(false);
  expect(await page.locator('#chart-helmet table').isVisible()).toBe(true);
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  expect(await page.locator('site-chart details[open]').count()).toBe(0);
  await context.close();
});
