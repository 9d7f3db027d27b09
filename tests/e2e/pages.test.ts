import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, watchPage } from '../support/browser';
import { serveStatic, type StaticSite } from '../support/server';

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([serveStatic(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
])('on a %s', (_, device) => {
  it.each(['/', '/2022/', '/2022/drunk-driving/', '/2022/accident-prevention/', '/search/'])('%s fits the screen, loads nothing from elsewhere, logs no error', async (path) => {
    const context = await browser.newContext(device);
    const page = await context.newPage();
    const watch = watchPage(page, site.origin);
    await page.goto(site.origin + path, { waitUntil: 'networkidle' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });
});

it('an unknown path gets the Chinese 404 page', async () => {
  const page = await browser.newPage();
  const response = await page.goto(`${site.origin}/2022/no-such-section/`);
  expect(response?.status()).toBe(404);
  expect(await page.locator('h1').textContent()).toBe('页面未找到');
  await page.close();
});
