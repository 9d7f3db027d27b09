import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SEARCH_TEXT } from '@/lib/search/messages';
import { axeViolations } from '../support/axe';
import { DESKTOP, PHONE, watchPage } from '../support/browser';
import { siteInBrowser } from '../support/site-in-browser';

const env = siteInBrowser();

const HEADER = 'site-search[data-mode="popup"]';
const PAGE = 'site-search[data-mode="page"]';
const HOSTILE = '<img src=x onerror=alert(1)>';

async function open(path: string, device: BrowserContextOptions = DESKTOP, prepare?: (page: Page) => Promise<unknown>) {
  const context = await env.browser.newContext(device);
  const page = await context.newPage();
  const watch = watchPage(page, env.site.origin);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await prepare?.(page);
  await page.goto(env.site.origin + path);
  return { page, watch, dialogs, close: () => context.close() };
}

/** Wait for what a reader waits for: the first search also downloads the index. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

/** The achievements the results link to, in order. */
const resultSlugs = (page: Page, box: string) =>
  page.locator(`${box} .search-hit`).evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/').at(-2)));

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
])('the header box on a %s', (_, device) => {
  it('shows a link to the right section as you type, and says how many', async () => {
    const { page, watch, close } = await open('/2022/drunk-driving/', device);
    await page.locator(`${HEADER} input`).fill('泥头车');
    await poll(() => resultSlugs(page, HEADER)).toEqual(['muck-trucks']);
    expect(await page.locator(`${HEADER} [role="status"]`).textContent()).toBe('找到 1 条与“泥头车”相关的结果');
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await close();
  });
});

// Widths between the phone layout's 390 px and the desktop layout (40rem): the results panel lay
// 15 px off the left edge at 447 px (an iPhone Plus is 430) while the box stopped at 24rem.
it.for([360, 430, 447, 470, 600, 700, 1280])('at %i px the header box’s results lie within the screen', async (width) => {
  const { page, close } = await open('/2022/drunk-driving/', { ...PHONE, viewport: { width, height: 800 } });
  await page.locator(`${HEADER} input`).fill('酒驾');
  await poll(() => resultSlugs(page, HEADER).then((slugs) => slugs[0])).toBe('drunk-driving');
  const panel = (await page.locator(`${HEADER} .search-panel`).boundingBox())!;
  expect(panel.x).toBeGreaterThanOrEqual(0);
  expect(panel.x + panel.width).toBeLessThanOrEqual(width);
  await close();
});

it('is used with the keyboard: / focuses, arrows move, Enter opens, Esc closes', async () => {
  const { page, close } = await open('/');
  await page.keyboard.press('/');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
  await page.keyboard.type('頭盔');
  await poll(() => resultSlugs(page, HEADER)).toEqual(['civilized-city']);
  await page.keyboard.press('Escape');
  expect(await page.locator(`${HEADER} .search-panel`).isHidden()).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
  await page.keyboard.press('Escape');
  expect(await page.locator(`${HEADER} input`).inputValue()).toBe('');
  await page.keyboard.type('头盔');
  await poll(() => page.locator(`${HEADER} [role="status"]`).textContent()).toBe('找到 1 条与“头盔”相关的结果');
  await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => document.activeElement?.className)).toBe('search-hit');
  await page.keyboard.press('ArrowUp');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
  await page.keyboard.press('ArrowDown');
  await Promise.all([page.waitForURL(/\/2022\/civilized-city\/\?highlight=/), page.keyboard.press('Enter')]);
  // On arrival, the words searched for are marked in the achievement.
  await poll(() => page.locator('[data-pagefind-body] mark.search-mark').count()).toBeGreaterThan(0);
  await close();
});

it('Enter in the header box opens /search/ with the query', async () => {
  const { page, close } = await open('/2022/');
  await page.locator(`${HEADER} input`).fill('12123');
  await Promise.all([page.waitForURL(/\/search\/\?q=12123$/), page.keyboard.press('Enter')]);
  await poll(() => resultSlugs(page, PAGE)).toEqual(['enforcement-oversight']);
  await close();
});

describe('the /search/ page', () => {
  it('shows the results of ?q= on arrival', async () => {
    const { page, close } = await open(`/search/?q=${encodeURIComponent('6862')}`, PHONE);
    await poll(() => resultSlugs(page, PAGE)).toEqual(['drunk-driving']);
    expect(await page.locator(`${PAGE} input`).inputValue()).toBe('6862');
    // A figure links to its row in the achievement's table.
    expect(await page.locator(`${PAGE} .search-hit`).first().getAttribute('href')).toBe('/2022/drunk-driving/?highlight=6862#drink-cases');
    // Each hit says its edition's year, as the built list does: two years can have alike achievements.
    expect(await page.locator(`${PAGE} .search-hit .search-hit-year`).allTextContents()).toEqual(['2022年']);
    await close();
  });

  it('keeps the query in the address bar, and Back brings the previous search back', async () => {
    const { page, close } = await open('/search/');
    const input = page.locator(`${PAGE} input`);
    await input.fill('酒驾');
    await input.press('Enter');
    await poll(() => resultSlugs(page, PAGE)).toEqual(['drunk-driving']);
    await input.fill('年检');
    await input.press('Enter');
    await poll(() => new URL(page.url()).searchParams.get('q')).toBe('年检');
    await poll(async () => (await resultSlugs(page, PAGE))[0]).toBe('service-windows');
    await page.goBack();
    await poll(() => input.inputValue()).toBe('酒驾');
    await poll(() => resultSlugs(page, PAGE)).toEqual(['drunk-driving']);
    await close();
  });

  it('shows the built list and what it covers again when the query is emptied', async () => {
    const { page, close } = await open(`/search/?q=${encodeURIComponent('酒驾')}`);
    await poll(() => resultSlugs(page, PAGE)).toEqual(['drunk-driving']);
    await page.locator(`${PAGE} input`).fill('');
    await poll(() => page.locator(`${PAGE} .search-hit`).count()).toBe(10);
    expect(await page.locator(`${PAGE} [role="status"]`).textContent()).toBe('全部十件实事');
    await close();
  });

  it('offers suggestions when nothing matches', async () => {
    const { page, close } = await open(`/search/?q=${encodeURIComponent('火星探测')}`);
    await poll(() => page.locator(`${PAGE} [role="status"]`).textContent()).toMatch(/^没有找到与“火星探测”相关的内容/);
    expect(await page.locator(`${PAGE} .search-suggestions a`).count()).toBeGreaterThan(3);
    await close();
  });

  it('lists all ten sections without JavaScript, and the header box is a plain form', async () => {
    const { page, close } = await open(`/search/?q=${encodeURIComponent('酒驾')}`, { ...DESKTOP, javaScriptEnabled: false });
    expect(await page.locator(`${PAGE} .search-hit`).count()).toBe(10);
    expect(new Set(await page.locator(`${PAGE} .search-hit-year`).allTextContents())).toEqual(new Set(['2022年']));
    expect(await page.locator(`${PAGE} [role="status"]`).textContent()).toBe('全部十件实事');
    expect(await page.locator(`${HEADER} form`).getAttribute('action')).toBe('/search/');
    await close();
  });
});

describe('a hostile query is shown as text, never run', () => {
  it('in ?q=', async () => {
    const { page, dialogs, close } = await open(`/search/?q=${encodeURIComponent(HOSTILE)}`);
    await poll(() => page.locator(`${PAGE} [role="status"]`).textContent()).toContain(HOSTILE);
    expect(await page.locator(`${PAGE} input`).inputValue()).toBe(HOSTILE);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await close();
  });

  it('typed in the header box', async () => {
    const { page, dialogs, close } = await open('/');
    await page.locator(`${HEADER} input`).fill(`酒驾 ${HOSTILE}`);
    await poll(() => page.locator(`${HEADER} [role="status"]`).textContent()).toContain(HOSTILE);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await close();
  });
});

describe('when Pagefind cannot start (no WebAssembly, as reported for some WebKit browsers)', () => {
  it.each([
    ['its WebAssembly fails to load', '**/pagefind/*.pagefind'],
    ['pagefind.js fails to load', '**/pagefind/pagefind.js'],
  ])('%s: the box still finds sections and says a simplified search is in use', async (_, blocked) => {
    const { page, close } = await open('/', PHONE, (p) => p.route(blocked, (route) => route.abort()));
    await page.locator(`${HEADER} input`).fill('酒後開車');
    await poll(() => resultSlugs(page, HEADER)).toEqual(['drunk-driving']);
    expect(await page.locator(`${HEADER} .search-note`).isVisible()).toBe(true);
    expect(await page.locator(`${HEADER} .search-note`).textContent()).toContain('简易搜索');
    await close();
  });
});

describe('when neither Pagefind nor the simplified search can load (offline, or files gone)', () => {
  /** Blocks both engines' files until `restore` is called, and records errors nobody handled. */
  async function offline(path: string) {
    let blocked = true;
    const unhandled: string[] = [];
    const opened = await open(path, PHONE, async (page) => {
      page.on('pageerror', (error) => unhandled.push(error.message));
      await page.route(/\/pagefind\/|\/search\/sections\.json$/, (route) => (blocked ? route.abort() : route.continue()));
    });
    return { ...opened, unhandled, restore: () => (blocked = false) };
  }

  it.each([
    ['the header box', '/2022/', HEADER],
    ['/search/', '/search/', PAGE],
  ])('%s says so instead of staying on 正在搜索…, and its retry searches again once they load', async (_, path, box) => {
    const { page, unhandled, restore, close } = await offline(path);
    await page.locator(`${box} input`).fill('酒驾');
    const status = page.locator(`${box} [role="status"]`);
    await poll(() => status.textContent()).toBe(SEARCH_TEXT.failed);
    const retry = page.locator(box).getByRole('button', { name: SEARCH_TEXT.retry });
    expect(await retry.isVisible()).toBe(true);
    expect(await page.locator(`${box} .search-hit`).count()).toBe(0);

    // Still offline: trying again starts the engine again (a failed start is not kept) and fails again.
    await retry.click();
    await poll(() => status.textContent()).toBe(SEARCH_TEXT.failed);

    restore();
    await retry.click();
    await poll(() => resultSlugs(page, box)).toEqual(['drunk-driving']);
    expect(await retry.isVisible()).toBe(false);
    // The full search is back, not only the simplified one.
    expect(await page.locator(`${box} .search-note`).isVisible()).toBe(false);
    expect(unhandled).toEqual([]);
    await close();
  });
});

it('a search that throws once the engine is running (its files gone mid-visit) says so, and the retry recovers', async () => {
  let blocked = false;
  const unhandled: string[] = [];
  const { page, close } = await open('/', PHONE, async (p) => {
    p.on('pageerror', (error) => unhandled.push(error.message));
    await p.route(/\/pagefind\/(fragment|index)\/|\/search\/sections\.json$/, (route) => (blocked ? route.abort() : route.continue()));
  });
  const input = page.locator(`${HEADER} input`);
  await input.fill('泥头车');
  await poll(() => resultSlugs(page, HEADER)).toEqual(['muck-trucks']);
  blocked = true;
  await input.fill('酒驾');
  await poll(() => page.locator(`${HEADER} [role="status"]`).textContent()).toBe(SEARCH_TEXT.failed);
  blocked = false;
  await page.locator(HEADER).getByRole('button', { name: SEARCH_TEXT.retry }).click();
  await poll(() => resultSlugs(page, HEADER)).toEqual(['drunk-driving']);
  expect(unhandled).toEqual([]);
  await close();
});

/** The texts of the marks in the first result's excerpt, and in the achievement page's text. */
const excerptMarks = (page: Page) => page.locator(`${PAGE} .search-hit`).first().locator('mark').allTextContents();
const achievementMarks = (page: Page) => page.locator('[data-pagefind-body] mark.search-mark').allTextContents();

describe('a phrase copied from a section is found and marked whole, never as lone characters', () => {
  it.each([
    ['减量控大', 'accident-prevention'],
    ['开展集中整治', 'drunk-driving'],
    ['净化道路', 'congress-security'],
  ])('%s: its section comes first, and the phrase is marked on the result and on the section', async (phrase, slug) => {
    const { page, watch, close } = await open(`/search/?q=${encodeURIComponent(phrase)}`, PHONE);
    // The built page lists every achievement before the search answers: wait for the answer.
    await poll(() => page.locator(`${PAGE} [role="status"]`).textContent()).toMatch(new RegExp(`^找到 \\d+ 条与“${phrase}”相关的结果$`));
    expect((await resultSlugs(page, PAGE))[0]).toBe(slug);
    const inExcerpt = await excerptMarks(page);
    expect(inExcerpt.length).toBeGreaterThan(0);
    expect(inExcerpt.every((text) => text === phrase)).toBe(true);

    await Promise.all([page.waitForURL(new RegExp(`/2022/${slug}/\\?highlight=`)), page.locator(`${PAGE} .search-hit`).first().click()]);
    await poll(() => achievementMarks(page)).toContain(phrase);
    expect((await achievementMarks(page)).every((text) => text === phrase)).toBe(true);
    // Brought into view: the reader sees the phrase without looking for it.
    expect(await page.locator('mark.search-mark').first().isVisible()).toBe(true);
    expect(await page.locator('mark.search-mark').first().evaluate((mark) => mark.getBoundingClientRect().top >= 0 && mark.getBoundingClientRect().bottom <= innerHeight)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await close();
  });

  it('a query of several words marks each word, in the section too', async () => {
    const { page, close } = await open(`/search/?q=${encodeURIComponent('醉驾 曝光')}`);
    await poll(() => page.locator(`${PAGE} [role="status"]`).textContent()).toBe('找到 1 条与“醉驾 曝光”相关的结果');
    expect((await resultSlugs(page, PAGE))[0]).toBe('drunk-driving');
    expect(new Set(await excerptMarks(page))).toEqual(new Set(['醉驾', '曝光']));
    await Promise.all([page.waitForURL(/\/2022\/drunk-driving\/\?highlight=/), page.locator(`${PAGE} .search-hit`).first().click()]);
    await poll(async () => new Set(await achievementMarks(page))).toEqual(new Set(['醉驾', '曝光']));
    await close();
  });
});

describe('the filters on /search/', () => {
  const tagSelect = (page: Page) => page.locator(PAGE).getByRole('combobox', { name: SEARCH_TEXT.tagLabel });
  const yearSelect = (page: Page) => page.locator(PAGE).getByRole('combobox', { name: SEARCH_TEXT.yearLabel });

  it('a topic alone lists its sections, says so, and is kept in the address', async () => {
    const { page, watch, close } = await open(`/search/?tag=${encodeURIComponent('头盔')}`, PHONE);
    await poll(() => resultSlugs(page, PAGE)).toEqual(['civilized-city']);
    expect(await tagSelect(page).inputValue()).toBe('头盔');
    expect(await page.locator(`${PAGE} [role="status"]`).textContent()).toBe('主题“头盔”：共 1 件实事');
    expect(watch.consoleErrors).toEqual([]);
    // A topic the site does not have (an old or mistyped link) leaves the filter on 全部主题.
    await page.goto(`${env.site.origin}/search/?tag=${encodeURIComponent('火星')}`);
    expect(await tagSelect(page).evaluate((select: HTMLSelectElement) => [select.value, select.selectedOptions[0]?.textContent])).toEqual(['', SEARCH_TEXT.anyTag]);
    expect(await page.locator(`${PAGE} .search-hit`).count()).toBe(10);
    await close();
  });

  it('are reached and changed with the keyboard; the query and the filters go into the URL; Back restores them', async () => {
    const { page, close } = await open('/search/');
    const input = page.locator(`${PAGE} input`);
    await input.fill('同比下降');
    await input.press('Enter');
    await poll(async () => (await resultSlugs(page, PAGE)).length).toBeGreaterThan(1);
    // Tab from the box: the search button, then the topic, then the year.
    await input.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('tag');
    await tagSelect(page).selectOption('酒驾醉驾');
    await poll(() => resultSlugs(page, PAGE)).toEqual(['drunk-driving']);
    expect(await page.locator(`${PAGE} [role="status"]`).textContent()).toBe('找到 1 条与“同比下降”相关的结果（主题“酒驾醉驾”）');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('year');
    // Typing selects the option that starts with it, as in any native select.
    await page.keyboard.type('2');
    await poll(() => yearSelect(page).inputValue()).toBe('2022');
    await poll(() => new URL(page.url()).search).toBe(`?${new URLSearchParams({ q: '同比下降', tag: '酒驾醉驾', year: '2022' })}`);
    await page.goBack();
    await poll(() => yearSelect(page).inputValue()).toBe('');
    await page.goBack();
    await poll(() => tagSelect(page).inputValue()).toBe('');
    await poll(async () => (await resultSlugs(page, PAGE)).length).toBeGreaterThan(1);
    await close();
  });

  it('work in the simplified search too', async () => {
    const { page, close } = await open(`/search/?q=${encodeURIComponent('同比下降')}&tag=${encodeURIComponent('酒驾醉驾')}`, PHONE, (p) => p.route('**/pagefind/*.pagefind', (route) => route.abort()));
    await poll(() => resultSlugs(page, PAGE)).toEqual(['drunk-driving']);
    expect(await page.locator(`${PAGE} .search-note`).isVisible()).toBe(true);
    await close();
  });
});
