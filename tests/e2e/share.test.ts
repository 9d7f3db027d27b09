import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PHONE, watchPage } from '../support/browser';
import { siteInBrowser } from '../support/site-in-browser';

// Built with the default SITE_URL, so the copied links point at localhost:4321.
const SECTION = 'http://localhost:4321/2022/drunk-driving/';
const RECAP = '《踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事》';

const env = siteInBrowser();

async function achievementPage(prepare?: (context: BrowserContext) => Promise<unknown>): Promise<Page> {
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
    const page = await achievementPage();
    const control = page.locator('.share-bar site-copy-button', { hasText: '复制链接' });
    await control.locator('button').click();
    await expect.poll(() => control.getByRole('status').textContent()).toBe('链接已复制');
    expect(await clipboard(page)).toBe(SECTION);
    await page.context().close();
  });

  it('a figure’s “引用” copies the figure with its unit, the recap, the authors and the anchored URL', async () => {
    const page = await achievementPage();
    await page.getByRole('button', { name: '复制引用：查处酒驾醉驾违法行为' }).click();
    await expect.poll(() => clipboard(page)).toBe(`6862起（查处酒驾醉驾违法行为，2022年）——${RECAP}“持续重拳出击 酒驾醉驾整治形成高压严打态势”，作者张浩、刘峰。${SECTION}#drink-cases`);
    await page.context().close();
  });

  it('“复制全文用于转载” copies headline, text with figures, credit and URL', async () => {
    const page = await achievementPage();
    await page.getByRole('button', { name: '复制全文用于转载' }).click();
    await expect.poll(() => clipboard(page)).toMatch(/^持续重拳出击 酒驾醉驾整治形成高压严打态势\n\n坚持.*查处酒驾醉驾违法行为6862起.*同比下降33\.3%.*\n\n来源：《.*》，作者张浩、刘峰。\n原文链接：http:\/\/localhost:4321\/2022\/drunk-driving\/$/s);
    await page.context().close();
  });

  it('falls back to a selected textarea where the Clipboard API is missing', async () => {
    const page = await achievementPage((context) =>
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

});

describe('the system share sheet (分享…)', () => {
  // The achievement's own words, from its entry: what the share sheet offers as the text.
  const entry = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(new URL('../../content/2022/drunk-driving.mdx', import.meta.url), 'utf8'))![1]!);

  /** A browser with a share sheet: navigator.share records what it is handed and answers as `outcome` says. */
  const withShareSheet = (outcome: 'shared' | 'dismissed') => (context: BrowserContext) =>
    context.addInitScript((outcome) => {
      const calls: ShareData[] = [];
      Object.assign(window, { shareCalls: calls });
      Object.defineProperty(Navigator.prototype, 'share', {
        configurable: true,
        value: (data: ShareData) => {
          calls.push(data);
          return outcome === 'shared' ? Promise.resolve() : Promise.reject(new DOMException('Share canceled', 'AbortError'));
        },
      });
    }, outcome);
  const shareCalls = (page: Page) => page.evaluate(() => (window as unknown as { shareCalls: ShareData[] }).shareCalls);

  it('hands the sheet the section’s title, its summary and its permanent URL', async () => {
    const page = await achievementPage(withShareSheet('shared'));
    await page.getByRole('button', { name: '分享…' }).click();
    await expect.poll(() => shareCalls(page)).toEqual([{ title: `${entry.kicker} ${entry.title}`, text: entry.summary, url: SECTION }]);
    await page.context().close();
  });

  it('says nothing when the reader closes the sheet without sharing', async () => {
    const page = await achievementPage(withShareSheet('dismissed'));
    const watch = watchPage(page, env.site.origin);
    await page.getByRole('button', { name: '分享…' }).click();
    await expect.poll(() => shareCalls(page)).toHaveLength(1);
    // A rejection nobody handled would be reported here, after the page has had a turn to report it.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(watch.consoleErrors, watch.consoleErrors.join('\n')).toEqual([]);
    await page.context().close();
  });

  it('is not offered where the browser has no share sheet; the link, Weibo and the QR code are', async () => {
    const page = await achievementPage((context) => context.addInitScript(() => delete (Navigator.prototype as { share?: unknown }).share));
    expect(await page.evaluate(() => 'share' in navigator)).toBe(false);
    const bar = page.locator('.share-bar');
    await expect.poll(() => page.evaluate(() => customElements.get('site-web-share') !== undefined)).toBe(true);
    expect(await bar.getByRole('button', { name: '分享…' }).count(), 'no button that does nothing').toBe(0);
    expect(await bar.locator('site-web-share button').isHidden()).toBe(true);
    for (const control of [bar.getByRole('button', { name: '复制链接' }), bar.getByRole('link', { name: '分享到微博' }), bar.getByRole('img', { name: '本节链接的二维码' })]) {
      expect(await control.isVisible()).toBe(true);
    }
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
