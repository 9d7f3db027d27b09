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

it('prints each chart as its build-time PNG, fetched only when the page is printed', async () => {
  const { context, page } = await openPage(DESKTOP, '/2022/muck-trucks/');
  const pngs: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.png')) pngs.push(new URL(request.url()).pathname);
  });
  await drawAll(page);
  expect(pngs, 'chart images fetched on screen').toEqual([]);
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  const images = page.locator('site-chart img.chart-print');
  await expect.poll(() => images.evaluateAll((all) => all.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0 && !(img as HTMLImageElement).hidden))).toBe(true);
  expect(pngs.sort()).toEqual(['/2022/muck-trucks/accidents.png', '/2022/muck-trucks/violations.png']);
  await page.emulateMedia({ media: 'print' });
  for (const id of ['violations', 'accidents']) expect(await page.locator(`#chart-${id} img.chart-print`).isVisible(), id).toBe(true);
  // The PDF Chromium prints holds the two images.
  const pdf = (await page.pdf()).toString('latin1');
  expect(pdf.match(/\/Subtype\s*\/Image/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  await context.close();
});

it('without JavaScript, shows each chart as its PNG in place of the empty canvas box', async () => {
  const { context, page } = await openPage({ ...PHONE, javaScriptEnabled: false }, '/2022/civilized-city/');
  for (const id of ['helmet', 'patrols']) {
    const image = page.locator(`#chart-${id} noscript ~ img, #chart-${id} img.chart-noscript`).first();
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await page.locator(`#chart-${id} img.chart-noscript`).isVisible(), id).toBe(true);
    expect(await page.locator(`#chart-${id} .chart-box`).isVisible(), id).toBe(false);
  }
  await context.close();
});

describe('when a chart cannot be drawn, its figure shows the table open and says so', () => {
  it.each([
    ['its code is gone (a page cached across a redeploy)', (page: Page) => page.route(CHART_CHUNK, (route) => route.fulfill({ status: 404, body: 'Not Found' }))],
    ['its data is malformed', (page: Page) => page.locator('#chart-violations site-chart').evaluate((el: HTMLElement) => (el.dataset.chart = '{"chart":'))],
  ])('%s', async (_, breakIt) => {
    const { context, page } = await openPage(SHORT_PHONE, '/2022/muck-trucks/');
    const unhandled: string[] = [];
    page.on('pageerror', (error) => unhandled.push(error.message));
    await breakIt(page);
    const figure = page.locator('#chart-violations');
    await figure.scrollIntoViewIfNeeded();
    await figure.locator('site-chart[data-failed]').waitFor();
    expect(await figure.locator('.chart-box').isVisible()).toBe(false);
    expect(await figure.locator('.chart-failure').isVisible()).toBe(true);
    expect(await figure.locator('.chart-failure').textContent()).toBe('图表未能显示，数据见下表。');
    expect(await figure.locator('details').getAttribute('open')).toBe('');
    expect(await figure.locator('table').isVisible()).toBe(true);
    expect(await figure.locator('.chart-download').isVisible()).toBe(false);
    expect(unhandled).toEqual([]);
    await context.close();
  });
});

describe('for a screen reader', () => {
  it('each 下载图片（PNG） names its chart, and a chart’s sentence is read once', async () => {
    const { context, page } = await openPage(PHONE, '/2022/muck-trucks/');
    await drawAll(page);
    for (const figure of await page.locator('figure:has(site-chart)').all()) {
      const title = (await figure.locator('.chart-title').textContent())!;
      const sentence = (await figure.locator('.chart-sentence').textContent())!;
      expect(await figure.getByRole('button', { name: `下载图片（PNG）：${title}`, exact: true }).isVisible()).toBe(true);
      const snapshot = await figure.ariaSnapshot();
      expect(snapshot.split(sentence).length - 1, snapshot).toBe(1);
      expect(await figure.getByRole('img').count()).toBe(0);
    }
    await context.close();
  });
});

describe('长辈模式', () => {
  /** Pixels of one exact colour on a chart's canvas: text is painted in the theme's text colour. */
  const pixelsOf = (page: Page, selector: string, rgb: [number, number, number]) =>
    page.locator(selector).evaluate((canvas: HTMLCanvasElement, [r, g, b]) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b && data[i + 3] === 255) count++;
      return count;
    }, rgb);

  /** Records the font of every text the page writes on a canvas (Chart.js and the value labels). */
  const recordCanvasFonts = () => {
    const fonts: string[] = [];
    (window as unknown as { canvasFonts: string[] }).canvasFonts = fonts;
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (...args: Parameters<typeof fillText>) {
      fonts.push(this.font);
      return fillText.apply(this, args);
    };
  };
  /** The text sizes written since the last call, in CSS pixels. */
  const fontSizesWritten = (page: Page) =>
    page.evaluate(() => {
      const fonts = (window as unknown as { canvasFonts: string[] }).canvasFonts;
      const sizes = [...new Set(fonts.map((font) => parseFloat(/(\d+(?:\.\d+)?)px/.exec(font)![1]!)))];
      fonts.length = 0;
      return sizes.sort((a, b) => a - b);
    });

  it('switched on or off, redraws the charts in its colours and text size', async () => {
    const context = await env.browser.newContext({ ...PHONE, reducedMotion: 'reduce' });
    await context.addInitScript(recordCanvasFonts);
    const page = await context.newPage();
    await page.goto(`${env.site.origin}/2022/muck-trucks/`, { waitUntil: 'networkidle' });
    await drawAll(page);
    const canvas = '#chart-violations canvas';
    // 长辈模式 writes chart text in pure black (--color-text: #000000); the default text is #1b1b1d.
    expect(await pixelsOf(page, canvas, [0, 0, 0])).toBe(0);
    expect(await fontSizesWritten(page)).toEqual([12]);
    const toggle = page.getByRole('button', { name: '长辈模式' });
    await toggle.click();
    await expect.poll(() => pixelsOf(page, canvas, [0, 0, 0])).toBeGreaterThan(100);
    expect(await pixelsOf(page, canvas, [0x1b, 0x1b, 0x1d])).toBe(0);
    expect(await fontSizesWritten(page)).toEqual([15]);
    await toggle.click();
    await expect.poll(() => pixelsOf(page, canvas, [0, 0, 0])).toBe(0);
    expect(await fontSizesWritten(page)).toEqual([12]);
    await context.close();
  });
});
