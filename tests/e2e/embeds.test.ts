import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBED_MIN_WIDTH } from '@/lib/charts/embed';
import { launchBrowser, watchPage } from '../support/browser';
import { builtDocument } from '../support/dist';
import { SLUGS } from '../support/achievements';
import { serveStatic, type StaticSite } from '../support/server';

let site: StaticSite;
let newsroom: StaticSite;
let browser: Browser;

beforeAll(async () => {
  // A newsroom's page on another origin (another port), framing one chart with the copied snippet's markup.
  const dir = mkdtempSync(join(tmpdir(), 'zz-newsroom-'));
  [site, browser] = await Promise.all([serveStatic(), launchBrowser()]);
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>转载</title></head><body><p>转载的图表：</p><iframe src="${site.origin}/embed/2022/muck-trucks/violations/" title="图表" width="100%" height="600" frameborder="0"></iframe></body></html>`,
  );
  writeFileSync(join(dir, '404.html'), '<!doctype html><title>404</title>');
  newsroom = await serveStatic(`${dir}/`);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([site?.close(), newsroom?.close()]);
});

it('an embedded chart draws inside an iframe on a page of another origin', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  const watch = watchPage(page, newsroom.origin);
  await page.goto(newsroom.origin);
  expect(new URL(site.origin).origin).not.toBe(new URL(newsroom.origin).origin);
  const frame = page.frameLocator('iframe');
  await frame.locator('site-chart[data-drawn]').waitFor({ timeout: 15_000 });
  const painted = await frame.locator('site-chart canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++;
    return count;
  });
  expect(painted).toBeGreaterThan(500);
  expect(await frame.locator('footer').textContent()).toContain('作者张浩、刘峰');
  expect(watch.consoleErrors, watch.consoleErrors.join("\n")).toEqual([]);
  // Everything the frame loaded came from the site itself.
  expect(watch.foreignRequests.every((url) => url.startsWith(site.origin))).toBe(true);
  await page.close();
});

/** Every embed code the achievement pages offer (复制嵌入代码), as the embed page it frames and the height it gives the frame. */
const snippets = SLUGS.flatMap((slug) =>
  builtDocument(`/2022/${slug}/`)
    .querySelectorAll('.chart-embed site-copy-button')
    .map((button) => {
      const snippet = button.getAttribute('data-text')!;
      return { path: new URL(/ src="([^"]+)"/.exec(snippet)![1]!).pathname, height: Number(/ height="(\d+)"/.exec(snippet)![1]) };
    }),
);

/**
 * The frame is width="100%": as wide as the newsroom's column. The height is computed for the
 * narrowest column we support (EMBED_MIN_WIDTH, a phone's); 390 is a common phone, 720 a desktop
 * article column.
 */
const WIDTHS = [EMBED_MIN_WIDTH, 390, 720];
/**
 * At the width the height is computed for, the frame may be taller than the page needs by at most one
 * bar band (3.5rem), which the chart takes: the reckoning is generous by a line or two of small text
 * (embedHeight's slack, Latin letters counted wide), never by a whole band.
 */
const SPARE_AT_MIN_WIDTH = 56;

describe('the copied embed code’s height fits the page it frames', () => {
  it('covers every chart offered for embedding', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(13);
  });

  it.each(snippets)('$path in a frame $height px high', async ({ path, height }) => {
    const page = await browser.newPage({ viewport: { width: EMBED_MIN_WIDTH, height } });
    await page.goto(`${site.origin}${path}`);
    await page.evaluate(() => document.fonts.ready);
    await page.locator('site-chart[data-drawn], .chart-figures').first().waitFor({ timeout: 15_000 });
    for (const width of WIDTHS) {
      // The height the page needs: laid out in a frame too short to fill, nothing stretched.
      await page.setViewportSize({ width, height: 100 });
      const needed = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(needed, `${width} px wide: cut off`).toBeLessThanOrEqual(height);
      if (width === EMBED_MIN_WIDTH) expect(height - needed, `${width} px wide: spare height`).toBeLessThanOrEqual(SPARE_AT_MIN_WIDTH);
      // In the frame itself: no scrolling, the credit at the bottom, the chart drawn over the height it was given.
      await page.setViewportSize({ width, height });
      await expect
        .poll(() =>
          page.evaluate(() => {
            const box = document.querySelector('.chart-box, .chart-figures')!.getBoundingClientRect();
            const canvas = document.querySelector('.chart-box canvas')?.getBoundingClientRect() ?? box;
            return {
              scrolls: document.documentElement.scrollHeight > innerHeight,
              gapUnderCredit: Math.round(innerHeight - document.querySelector('footer')!.getBoundingClientRect().bottom),
              undrawn: Math.round(box.height - canvas.height),
            };
          }),
        )
        .toEqual({ scrolls: false, gapUnderCredit: 0, undrawn: 0 });
    }
    await page.close();
  });
});
