import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_ERRORS_SCRIPT_PATH } from '../support/page-errors';
import { serveStatic, type StaticSite } from '../support/server';
import { KEYS, startWebKit, type Session, type WebKit } from '../support/webdriver';

// iPhone readers (WeChat on iOS included) read the site in WebKit: one WebKitGTK session walks a
// reader's path through the built site. Every other browser test runs in Chromium.
const SECTION = '/2022/drunk-driving/';
// The site's one breakpoint is 40rem (640 px): below it, the phone layout.
const PHONE_LAYOUT_MAX = 640;

let site: StaticSite;
let webkit: WebKit | undefined;
let browser: Session;

beforeAll(async () => {
  site = await serveStatic(undefined, { pageErrors: true });
  webkit = await startWebKit();
  browser = webkit.session;
  // A phone's width; MiniBrowser's window does not go below ~447 CSS px, still the phone layout.
  await browser.setWindowSize(390, 844);
});

afterAll(async () => {
  await webkit?.quit();
  await site?.close();
});

const path = async () => new URL(await browser.currentUrl()).pathname;

/**
 * Scroll each chart of the page into view and wait until it is painted. Also run before leaving a
 * section, so that no chart code is still loading when the page goes (see the last test).
 */
async function drawCharts() {
  const count = await browser.execute(() => document.querySelectorAll('site-chart').length);
  for (let i = 0; i < count; i++) {
    await browser.execute((n) => document.querySelectorAll('site-chart')[n]!.scrollIntoView({ block: 'center' }), i);
    // Painted pixels, not just a canvas: Chart.js paints on an animation frame after it is created.
    await browser.waitFor(
      `chart ${i + 1} of ${count} on ${await path()} to be painted`,
      (n) => {
        const chart = document.querySelectorAll('site-chart')[n]!;
        const canvas = chart.querySelector('canvas')!;
        if (!chart.hasAttribute('data-drawn') || canvas.width === 0) return false;
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let painted = 0;
        for (let p = 3; p < data.length; p += 4) if (data[p]! > 0) painted++;
        return painted > 500;
      },
      i,
    );
  }
}

describe('WebKit (iPhone, WeChat on iOS): a reader’s path', () => {
  it('is WebKit at a phone’s width, and a section draws each chart once it is scrolled into view', async () => {
    await browser.navigate(site.origin + SECTION);
    const { userAgent, width, charts } = await browser.execute(() => ({
      userAgent: navigator.userAgent,
      width: innerWidth,
      charts: document.querySelectorAll('site-chart').length,
    }));
    expect(userAgent).toMatch(/AppleWebKit\/605\.1\.15 .*Safari\//);
    expect(userAgent).not.toMatch(/Chrome|Firefox/);
    expect(width).toBeLessThan(PHONE_LAYOUT_MAX);
    expect(charts).toBeGreaterThan(0);
    await drawCharts();
  });

  it('the header search box finds 酒驾 with Pagefind’s WebAssembly, the drunk-driving section first', async () => {
    await browser.navigate(site.origin + '/');
    const before = site.requests.length;
    const input = await browser.find('site-search[data-mode="popup"] input');
    await browser.click(input);
    await browser.type(input, '酒驾');
    const first = await browser.waitFor('the first result for 酒驾', () =>
      document.querySelector<HTMLAnchorElement>('site-search[data-mode="popup"] .search-hit')?.getAttribute('href'),
    );
    expect(new URL(first, site.origin).pathname).toBe(SECTION);
    // Which engine answered: the fallback shows its note and reads sections.json; Pagefind loads its WebAssembly.
    const fallbackNoteShown = await browser.execute(() => !document.querySelector<HTMLElement>('site-search[data-mode="popup"] .search-note')!.hidden);
    const requested = site.requests.slice(before).map((r) => r.path);
    expect({ fallbackNoteShown, wasm: requested.some((p) => /^\/pagefind\/wasm\.[\w-]+\.pagefind$/.test(p)), fallback: requested.includes('/search/sections.json') }).toEqual({
      fallbackNoteShown: false,
      wasm: true,
      fallback: false,
    });
  });

  it('“复制全文用于转载” puts the text on the clipboard and says so', async () => {
    await browser.navigate(site.origin + SECTION);
    await drawCharts();
    const control = await browser.execute(() =>
      [...document.querySelectorAll('site-copy-button')].find((c) => c.querySelector('button')?.textContent?.trim() === '复制全文用于转载'),
    );
    expect(control, 'no 复制全文用于转载 button').toBeTruthy();
    const { text, done } = await browser.execute((c: HTMLElement) => ({ text: c.dataset['text'], done: c.dataset['done'] }), control!);
    await browser.click(await browser.execute((c: HTMLElement) => c.querySelector('button')!, control!));
    // Said in its live region: the success message, or 复制失败… when both copy paths fail; never nothing.
    const status = await browser.waitFor('the copy button’s status', (c: HTMLElement) => c.querySelector('[role="status"]')!.textContent, control!);
    expect(status).toBe(done);
    // What a reader pastes: the system clipboard, read back by pasting into a text field.
    const field = await browser.execute(() => document.body.appendChild(document.createElement('textarea')));
    await browser.click(field);
    await browser.type(field, `${KEYS.control}v`);
    const pasted = await browser.execute((area: HTMLTextAreaElement) => area.value, field);
    expect(pasted).toBe(text);
    expect(pasted).toMatch(/^持续重拳出击 酒驾醉驾整治形成高压严打态势\n\n坚持.*6862起/s);
  });

  it('长辈模式 chosen on one page is on when the reader follows a link to the next', async () => {
    await browser.navigate(site.origin + SECTION);
    expect(await browser.execute(() => document.documentElement.classList.contains('elder'))).toBe(false);
    await browser.click(await browser.find('.elder-toggle'));
    expect(await browser.execute(() => [document.documentElement.classList.contains('elder'), document.querySelector('.elder-toggle')!.getAttribute('aria-pressed')])).toEqual([
      true,
      'true',
    ]);
    await drawCharts();
    const next = await browser.find('.pager a.next');
    await browser.execute((link: HTMLElement) => link.scrollIntoView({ block: 'center' }), next);
    await browser.click(next);
    await browser.waitFor('the next section', () => location.pathname !== '/2022/drunk-driving/' && document.readyState === 'complete');
    expect(await path()).toBe('/2022/transport-companies/');
    expect(await browser.execute(() => [document.documentElement.classList.contains('elder'), document.querySelector('.elder-toggle')!.getAttribute('aria-pressed')])).toEqual([
      true,
      'true',
    ]);
    await drawCharts();
  });

  it('met no uncaught error, console error, CSP violation or missing file on the way', async () => {
    // The watcher ran on the pages visited (a watcher that never ran would report nothing).
    expect(await browser.execute((src) => !!document.querySelector(`script[src="${src}"]`) && !/\[native code\]/.test(String(console.error)), PAGE_ERRORS_SCRIPT_PATH)).toBe(
      true,
    );
    // Reports are beacons: give the last ones time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(site.pageErrors).toEqual([]);
    expect(site.requests.filter((r) => r.status !== 200)).toEqual([]);
  });

  // A reader taps a link while a chart's code is still on its way, the connection drops (a phone
  // in a lift), and the reader comes Back: WebKit restores the page from its back/forward cache and
  // the chart must still be drawn, without an unhandled rejection (docs/webkit.md, "Found in WebKit").
  it('a section left while its chart code loads draws its charts when the reader comes Back', async () => {
    const errorsBefore = site.pageErrors.length;
    const before = site.requests.length;
    site.slow = { files: /^\/_astro\/draw-chart\.[\w-]+\.js$/, ms: 500, drop: true };
    try {
      await browser.navigate(site.origin + '/2022/muck-trucks/');
      await browser.execute(() => document.querySelector('site-chart')!.scrollIntoView({ block: 'center' }));
      await expect.poll(() => site.requests.slice(before).some((r) => r.path.includes('/draw-chart.')), { timeout: 5000 }).toBe(true);
      await browser.navigate(site.origin + '/');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    } finally {
      site.slow = undefined;
    }
    await browser.back();
    expect(await path()).toBe('/2022/muck-trucks/');
    await expect
      .poll(() => browser.execute(() => [...document.querySelectorAll('site-chart')].every((chart) => chart.hasAttribute('data-drawn'))), { timeout: 3000 })
      .toBe(true);
    expect(site.pageErrors.slice(errorsBefore)).toEqual([]);
  });
});
