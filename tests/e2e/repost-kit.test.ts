import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from '../support/browser';
import { siteInBrowser } from '../support/site-in-browser';

// Built with the default SITE_URL, so copied links and chart images point at localhost:4321.
const SECTION = 'http://localhost:4321/2022/drunk-driving/';
const WECHAT = {
  android:
    'Mozilla/5.0 (Linux; Android 13; V2148A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
  ios: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN',
};

const env = siteInBrowser();

async function open(path: string, options: BrowserContextOptions = PHONE, prepare?: (context: BrowserContext) => Promise<unknown>): Promise<Page> {
  const context = await env.browser.newContext(options);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.site.origin });
  await prepare?.(context);
  const page = await context.newPage();
  await page.goto(`${env.site.origin}${path}`);
  return page;
}

/** Pastes the clipboard into a contenteditable added to the page, as into a 公众号 editor, and returns what arrived. */
async function paste(page: Page) {
  await page.evaluate(() => {
    const editor = document.createElement('div');
    editor.id = 'editor';
    editor.contentEditable = 'true';
    document.body.prepend(editor);
    editor.focus();
  });
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => page.locator('#editor strong').count()).toBeGreaterThan(0);
  return page.locator('#editor').evaluate((editor) => ({
    strong: [...editor.querySelectorAll('strong')].map((s) => s.textContent),
    rows: [...editor.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    images: [...editor.querySelectorAll('img')].map((img) => ({ src: img.getAttribute('src'), alt: img.getAttribute('alt') })),
    links: [...editor.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    heading: editor.querySelector('h2')?.textContent,
    classes: editor.querySelectorAll('[class], style, script').length,
  }));
}

async function expectPasted(page: Page) {
  const figures = await page.locator('.prose data.figure').allTextContents();
  expect(figures).toContain('6862起');
  const pasted = await paste(page);
  expect(pasted).toMatchObject({ strong: figures, heading: '酒驾醉驾整治形成高压严打态势', links: [SECTION] });
  expect(pasted.classes).toBe(0);
  expect(pasted.rows[0]).toEqual(['查处酒驾醉驾违法行为', '6862起（2022年）']);
  expect(pasted.rows).toHaveLength(await page.locator('.metrics tbody tr').count());
  expect(pasted.images.map((image) => image.src)).toEqual([`${SECTION}violations.png`, `${SECTION}accidents.png`]);
  expect(pasted.images[0]!.alt).toMatch(/^.*6862起.*。$/);
}

describe('复制图文', () => {
  it('puts rich HTML and its plain text on the clipboard; a contenteditable receives bold figures, the table, the chart images and the link', async () => {
    const page = await open('/2022/drunk-driving/');
    const control = page.locator('.share-bar site-copy-button', { hasText: '复制图文' });
    await control.locator('button').click();
    await expect.poll(() => control.getByRole('status').textContent()).toBe('图文已复制，可粘贴到公众号编辑器');
    const flavours = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return { types: item!.types, text: await (await item!.getType('text/plain')).text() };
    });
    expect(flavours.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
    expect(flavours.text).toMatch(/^持续重拳出击 酒驾醉驾整治形成高压严打态势\n\n坚持.*6862起.*\n原文链接：http:\/\/localhost:4321\/2022\/drunk-driving\/$/s);
    await expectPasted(page);
    await page.context().close();
  });

  it('still copies rich HTML where ClipboardItem is missing, through the copy event', async () => {
    const page = await open('/2022/drunk-driving/', PHONE, (context) =>
      context.addInitScript(() => {
        delete (window as { ClipboardItem?: unknown }).ClipboardItem;
      }),
    );
    expect(await page.evaluate(() => 'ClipboardItem' in window)).toBe(false);
    const control = page.locator('.share-bar site-copy-button', { hasText: '复制图文' });
    await control.locator('button').click();
    await expect.poll(() => control.getByRole('status').textContent()).toBe('图文已复制，可粘贴到公众号编辑器');
    await expectPasted(page);
    await page.context().close();
  });
});

describe('下载素材包', () => {
  it.each([
    ['/2022/drunk-driving/', '.share-bar', '2022-drunk-driving-素材包.zip', '2022-drunk-driving/drunk-driving.txt'],
    ['/2022/', '.reading', '2022-素材包.zip', '2022/2022.txt'],
  ])('%s downloads its ZIP in Chromium', async (path, where, filename, first) => {
    const page = await open(path, { ...DESKTOP, acceptDownloads: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`${where} site-press-kit a`).click()]);
    expect(download.suggestedFilename()).toBe(filename);
    const saved = await download.path();
    expect(Object.keys(unzipSync(new Uint8Array(readFileSync(saved))))[0]).toBe(first);
    expect(await page.locator(`${where} site-press-kit .wechat`).isHidden()).toBe(true);
    await page.context().close();
  });

  it.each(Object.entries(WECHAT))('in WeChat (%s) says a ZIP cannot be downloaded there and copies its link instead', async (_, userAgent) => {
    const page = await open('/2022/drunk-driving/', { ...PHONE, userAgent });
    const kit = page.locator('.share-bar site-press-kit');
    await expect.poll(() => kit.locator('a').isHidden()).toBe(true);
    await expect.poll(() => kit.getByText('在微信中无法下载压缩包').isVisible()).toBe(true);
    await kit.getByRole('button', { name: '复制素材包链接' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${SECTION}press-kit.zip`);
    await page.context().close();
  });
});
