import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, watchPage } from '../support/browser';
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
