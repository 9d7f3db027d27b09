import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { PHONE, watchPage } from '../support/browser';
import { siteInBrowser } from '../support/site-in-browser';

// WeChat's in-app browser as it names itself on Android and on iOS: it ignores <a download>.
const WECHAT = {
  android:
    'Mozilla/5.0 (Linux; Android 13; V2148A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
  ios: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN',
};
const SECTION = '/2022/muck-trucks/';

const env = siteInBrowser();

async function openAchievement(device: BrowserContextOptions) {
  const context = await env.browser.newContext(device);
  // What each object URL was made from (the page's CSP rightly keeps fetch() from reading blob: URLs).
  await context.addInitScript(() => {
    const create = URL.createObjectURL.bind(URL);
    const types: Record<string, string> = {};
    Object.assign(window, { blobTypes: types });
    URL.createObjectURL = (blob: Blob) => {
      const url = create(blob);
      types[url] = blob.type;
      return url;
    };
  });
  const page = await context.newPage();
  const watch = watchPage(page, env.site.origin);
  const downloads: string[] = [];
  page.on('download', (download) => downloads.push(download.suggestedFilename()));
  await page.goto(env.site.origin + SECTION, { waitUntil: 'networkidle' });
  return { context, page, watch, downloads };
}

/** The open viewer's image as the browser loaded it. */
const shownImage = (page: Page) =>
  page.locator('dialog.image-viewer img').evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const types = (window as unknown as { blobTypes: Record<string, string> }).blobTypes;
    return { src: img.src, width: img.naturalWidth, height: img.naturalHeight, type: types[img.src] };
  });

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim());

async function expectOpen(page: Page) {
  const viewer = page.getByRole('dialog');
  await viewer.waitFor();
  expect(await viewer.getByText('长按图片保存到手机').isVisible()).toBe(true);
  // Full screen: the whole phone's width and height.
  expect(await viewer.boundingBox()).toEqual({ x: 0, y: 0, width: PHONE.viewport!.width, height: PHONE.viewport!.height });
  // The modal dialog takes focus to its close button.
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('关闭图片');
  return viewer;
}

async function expectClosed(page: Page, opener: Locator, label: string) {
  await page.locator('dialog.image-viewer').waitFor({ state: 'hidden' });
  expect(await focusedText(page)).toBe(label);
  expect(await opener.isVisible()).toBe(true);
  // Closing took back the history entry opening added: the reader is still on the achievement.
  expect(new URL(page.url()).pathname).toBe(SECTION);
  expect(await page.evaluate(() => history.state)).toBeNull();
}

describe.each(Object.entries(WECHAT))('in WeChat (%s)', (_, userAgent) => {
  const device = { ...PHONE, userAgent };

  it('保存图片 opens the poster full screen to long-press; the button, Escape and Back close it', async () => {
    const { context, page, watch, downloads } = await openAchievement(device);
    const save = page.locator('.share-bar a', { hasText: '保存图片' });

    await save.click();
    const viewer = await expectOpen(page);
    const image = await shownImage(page);
    expect(image.src).toBe(`${env.site.origin}${SECTION}poster.png`);
    expect(image.width).toBeGreaterThan(0);
    expect(await viewer.locator('img').getAttribute('alt')).toMatch(/^本节分享海报：聚焦群众关切 渣土车/);
    expect(await axeViolations(page)).toEqual([]);
    await viewer.getByRole('button', { name: '关闭图片' }).click();
    await expectClosed(page, save, '保存图片');

    await save.click();
    await expectOpen(page);
    await page.keyboard.press('Escape');
    await expectClosed(page, save, '保存图片');

    await save.click();
    await expectOpen(page);
    await page.goBack();
    await expectClosed(page, save, '保存图片');

    // Opened again at once after a close: the close's own step back in history does not close it.
    await save.click();
    await expectOpen(page);
    await page.evaluate(() => {
      document.querySelector<HTMLButtonElement>('dialog.image-viewer button')!.click();
      document.querySelector<HTMLAnchorElement>('.share-bar site-save-image a')!.click();
    });
    await page.waitForTimeout(500);
    expect(await page.getByRole('dialog').isVisible()).toBe(true);
    await page.goBack();
    await expectClosed(page, save, '保存图片');
    // Back once more leaves the page as it did before the image was ever opened.
    await page.goBack();
    await page.waitForURL('about:blank');

    expect(downloads).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('下载图片（PNG） opens the drawn chart as a PNG full screen; Escape and Back close it', async () => {
    const { context, page, watch, downloads } = await openAchievement(device);
    const button = page.locator('#chart-violations .chart-download');
    await button.scrollIntoViewIfNeeded();
    await page.locator('#chart-violations site-chart[data-drawn]').waitFor();

    await button.click();
    const viewer = await expectOpen(page);
    const image = await shownImage(page);
    expect(image.src).toMatch(/^blob:/);
    expect(image.type).toBe('image/png');
    // The composed image: wider than the 390 px canvas at 2× with its margins, the title and source around it.
    expect(image.width).toBeGreaterThan(390);
    expect(await viewer.locator('img').getAttribute('alt')).toBe('图表：查处渣土车交通违法行为及其中几类');
    await page.keyboard.press('Escape');
    await expectClosed(page, button, '下载图片（PNG）');
    expect(watch.consoleErrors).toEqual([]);
    // The object URL is let go once the image is closed (loading it now is the one error expected).
    expect(
      await page.evaluate((src) => {
        const img = new Image();
        img.src = src;
        return img.decode().then(() => 'loaded', () => 'revoked');
      }, image.src),
    ).toBe('revoked');

    await button.click();
    await expectOpen(page);
    await page.goBack();
    await expectClosed(page, button, '下载图片（PNG）');

    expect(downloads).toEqual([]);
    expect(watch.consoleErrors).toEqual(['Failed to load resource: net::ERR_FILE_NOT_FOUND']);
    await context.close();
  });
});

describe('in a browser that downloads files', () => {
  it('保存图片 and 下载图片（PNG） download as before, without the viewer', async () => {
    const { context, page, downloads } = await openAchievement(PHONE);
    const [poster] = await Promise.all([page.waitForEvent('download'), page.locator('.share-bar a', { hasText: '保存图片' }).click()]);
    expect(poster.suggestedFilename()).toBe('muck-trucks.png');
    const button = page.locator('#chart-violations .chart-download');
    await button.scrollIntoViewIfNeeded();
    await page.locator('#chart-violations site-chart[data-drawn]').waitFor();
    const [chart] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(chart.suggestedFilename()).toBe('muck-trucks-violations.png');
    expect(downloads).toHaveLength(2);
    expect(await page.locator('dialog').count()).toBe(0);
    await context.close();
  });
});

describe('in WeChat without JavaScript', () => {
  it('保存图片 is a plain link to the poster, which WeChat shows to long-press; no chart control shows', async () => {
    const context = await env.browser.newContext({ ...PHONE, userAgent: WECHAT.android, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(env.site.origin + SECTION);
    expect(await page.locator('dialog').count()).toBe(0);
    expect(await page.locator('.chart-download').first().isVisible()).toBe(false);
    // WeChat ignores the download attribute and follows the link: to the poster itself.
    const href = await page.locator('.share-bar a', { hasText: '保存图片' }).getAttribute('href');
    expect(href).toBe(`${SECTION}poster.png`);
    const poster = await page.goto(env.site.origin + href);
    expect(poster!.headers()['content-type']).toBe('image/png');
    await context.close();
  });
});
