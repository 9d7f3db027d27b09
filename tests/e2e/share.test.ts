import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE } from '../support/browser';
import { siteInBrowser } from '../support/site-in-browser';

// Built with the default SITE_URL, so the copied links point at localhost:4321.
const SECTION = 'http://localhost:4321/2022/drunk-driving/';
const RECAP = '《踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事》';

const env = siteInBrowser();

async function sectionPage(prepare?: (context: BrowserContext) => Promise<unknown>): Promise<Page> {
  const context = await env.browser.newContext(PHONE);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.site.origin });
  await prepare?.(context);
  const page = await context.newPage();
  await page.goto(`${env.site.origin}/2022/drunk-driving/`);
  return page;
}

const clipboard = (page: Page) => page.evaluate(() => (window as unknown as { readClipboard?: () => Promise<string> }).readClipboard?.() ?? navigator.clipboard.readText());

describe('copying from a section', () => {
  it('“复制链接” puts the permanent URL on the clipboard and says so', async () => {
    const page = await sectionPage();
    const control = page.locator('.share-bar site-copy-button', { hasText: '复制链接' });
    await control.locator('button').click();
    await expect.poll(() => control.getByRole('status').textContent()).toBe('链接已复制');
    expect(await clipboard(page)).toBe(SECTION);
    await page.context().close();
  });

  it('a figure’s “引用” copies the figure with its unit, the recap, the authors and the anchored URL', async () => {
    const page = await sectionPage();
    await page.getByRole('button', { name: '复制引用：查处酒驾醉驾违法行为' }).click();
    await expect.poll(() => clipboard(page)).toBe(`6862起（查处酒驾醉驾违法行为，2022年）——${RECAP}“持续重拳出击 酒驾醉驾整治形成高压严打态势”，作者张浩、刘峰。${SECTION}#drink-cases`);
    await page.context().close();
  });

  it('“复制全文用于转载” copies headline, text with figures, credit and URL', async () => {
    const page = await sectionPage();
    await page.getByRole('button', { name: '复制全文用于转载' }).click();
    await expect.poll(() => clipboard(page)).toMatch(/^持续重拳出击 酒驾醉驾整治形成高压严打态势\n\n坚持.*查处酒驾醉驾违法行为6862起.*同比下降33\.3%.*\n\n来源：《.*》，作者张浩、刘峰。\n原文链接：http:\/\/localhost:4321\/2022\/drunk-driving\/$/s);
    await page.context().close();
  });

  it('falls back to a selected textarea where the Clipboard API is missing', async () => {
    const page = await sectionPage((context) =>
      context.addInitScript(() => {
        const api = navigator.clipboard;
        (window as unknown as { readClipboard: () => Promise<string> }).readClipboard = () => api.readText();
        delete (Navigator.prototype as { clipboard?: unknown }).clipboard;
      }),
    );
    expect(await page.evaluate(() => 'clipboard' in navigator)).toBe(false);
    await page.getByRole('button', { name: '复制引用', exact: true }).click();
    await expect.poll(() => clipboard(page)).toBe(`${RECAP}“持续重拳出击 酒驾醉驾整治形成高压严打态势”，作者张浩、刘峰。${SECTION}`);
    expect(await page.locator('.share-bar site-copy-button', { hasText: '复制引用' }).getByRole('status').textContent()).toBe('引用已复制');
    await page.context().close();
  });

  it('offers the system share sheet only where the browser has one', async () => {
    const page = await sectionPage();
    const hasShare = await page.evaluate(() => typeof navigator.share === 'function');
    expect(await page.locator('site-web-share button').isVisible()).toBe(hasShare);
    await page.context().close();
  });
});

describe('printing', () => {
  it('drops the masthead, share bar and buttons and prints links as absolute URLs', async () => {
    const page = await env.browser.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${env.site.origin}/2022/drunk-driving/`, { waitUntil: 'networkidle' });
    for (const selector of ['.masthead', '.share-bar', '.pager', 'tr#drink-cases site-copy-button']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.locator('.prose').isVisible()).toBe(true);
    await page.goto(`${env.site.origin}/`, { waitUntil: 'networkidle' });
    const printed = await page.evaluate(() => getComputedStyle(document.querySelector('.cards a')!, '::after').content);
    expect(printed).toBe('" (http://localhost:4321/2022/congress-security/)"');
    await page.close();
  });
});
