import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_TEXT } from '@/lib/search/messages';
import { DESKTOP, launchBrowser } from '../support/browser';
import { contentFolder } from '../support/build';
import { eventually, startDevServer, type DevServer } from '../support/dev-server';
import { builtPage } from '../support/dist';

/*
 * The editor's preview: `npm run dev` over a copy of the content, edited as an editor would, and
 * read as the editor would, in the browser and in the HTML the server sends.
 */

const PAGE = '/2022/drunk-driving/';
const TITLE = '酒驾醉驾整治形成高压严打态势';
const CHART_TITLE = '查处酒驾醉驾违法行为及其中两类';
const WORDS = '动态分析酒驾醉驾规律特点';

let content: string;
let entry: string;
let original: string;
let dev: DevServer;
let browser: Browser;
let page: Page;

// The server starts with one entry already broken (the first test fixes it): Astro runs one dev
// server per project, so this case cannot have a server of its own next to the others.
const UNKNOWN_METRIC = (text: string) => text.replace('headlineMetric: drink-cases', 'headlineMetric: drink-casez');
const UNKNOWN_METRIC_MESSAGE = /drunk-driving\.mdx: headlineMetric: headlineMetric 指向不存在的指标 “drink-casez”/;

beforeAll(async () => {
  content = contentFolder([{ from: 'content/2022', to: '2022' }]);
  entry = join(content, '2022/drunk-driving.mdx');
  original = readFileSync(entry, 'utf8');
  save(UNKNOWN_METRIC(original));
  [dev, browser] = await Promise.all([startDevServer(content), launchBrowser()]);
  page = await (await browser.newContext(DESKTOP)).newPage();
  // The first request compiles the pages: give it the time a loaded machine needs.
  await eventually(async () => (await served(PAGE)).status === 500, 'the first page', { timeoutMs: 120_000 }).catch((error: Error) => {
    throw new Error(`${error.message}\n${dev.output()}`);
  });
}, 300_000);

afterAll(async () => {
  await Promise.all([dev?.close(), browser?.close()]);
  if (content) rmSync(content, { recursive: true, force: true });
});

async function served(path: string) {
  const response = await fetch(`${dev.origin}${path}`);
  return { status: response.status, html: await response.text() };
}

const headingOf = (html: string) => parse(html).querySelector('h1')?.textContent;

async function imageHash(path: string): Promise<string> {
  const response = await fetch(`${dev.origin}${path}`);
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type'), path).toBe('image/png');
  return createHash('sha256').update(Buffer.from(await response.arrayBuffer())).digest('hex');
}

const save = (text: string) => writeFileSync(entry, text);

/** Open a page in the browser; a navigation cut short by the dev server's own reload is tried again. */
const open = (path: string) =>
  eventually(async () => {
    await page.goto(`${dev.origin}${path}`);
    return true;
  }, `opening ${path}`);

/** The page as the browser shows it: the entry's heading, or the text of the error overlay. */
async function onScreen(): Promise<{ heading?: string; error?: string }> {
  const overlay = page.locator('vite-error-overlay #message-content');
  if ((await overlay.count()) > 0) return { error: (await overlay.first().textContent({ timeout: 2000 })) ?? '' };
  const heading = page.locator('main h1');
  return (await heading.count()) > 0 ? { heading: (await heading.first().textContent({ timeout: 2000 }))?.trim() ?? '' } : {};
}

describe('the editor’s preview (npm run dev)', () => {
  it('starts with an entry already broken, shows its error, and serves the page once the file is fixed', async () => {
    expect(dev.output()).toMatch(UNKNOWN_METRIC_MESSAGE);
    save(original);
    const fixed = await eventually(async () => {
      const { status, html } = await served(PAGE);
      return status === 200 && html;
    }, 'the page once the file is fixed');
    expect(headingOf(fixed)).toBe(TITLE);
  });

  it('shows a saved title, text, figure and chart within seconds, on the page and in its share images', async () => {
    const before = await served(PAGE);
    expect(headingOf(before.html)).toBe(TITLE);
    expect(before.html).toContain('6862起');
    const images = ['card.png', 'poster.png', 'violations.png'].map((file) => `${PAGE}${file}`);
    const hashes = await Promise.all(images.map(imageHash));

    try {
      save(original.replace(`title: "${TITLE}"`, `title: "${TITLE}（修订）"`).replace(WORDS, `${WORDS}（修订）`).replace('value: 6862', 'value: 6863').replace(`title: "${CHART_TITLE}"`, `title: "${CHART_TITLE}（修订）"`));
      const after = await eventually(async () => {
        const { html } = await served(PAGE);
        return headingOf(html) === `${TITLE}（修订）` && html;
      }, 'the saved title on the page');
      expect(after).toContain(`${WORDS}（修订）`);
      expect(after).toContain('6863起');
      expect(after).not.toContain('6862起');
      expect(after).toContain(`${CHART_TITLE}（修订）`);
      const changed = await Promise.all(images.map(imageHash));
      images.forEach((image, i) => expect(changed[i], `${image} shows the saved title and figure`).not.toBe(hashes[i]));
    } finally {
      save(original);
    }
    await eventually(async () => headingOf((await served(PAGE)).html) === TITLE, 'the title saved back');
    expect(await imageHash(images[0]!), 'the card as it was, from the image cache').toBe(hashes[0]);
  });

  it('shows a saved edition title on the edition page and its share card', async () => {
    const file = join(content, '2022/edition.yaml');
    const edition = readFileSync(file, 'utf8');
    const title = '踔厉奋发保平安 笃行实干护坦途';
    const card = await imageHash('/2022/card.png');
    try {
      writeFileSync(file, edition.replace(`title: ${title}`, `title: ${title}（修订）`));
      await eventually(async () => parse((await served('/2022/')).html).querySelector('title')?.textContent.startsWith(`${title}（修订）`), 'the saved edition title');
      expect(await imageHash('/2022/card.png')).not.toBe(card);
    } finally {
      writeFileSync(file, edition);
    }
    await eventually(async () => parse((await served('/2022/')).html).querySelector('title')?.textContent.startsWith(`${title}——`), 'the edition title saved back');
  });

  const breaks = [
    {
      name: 'bad YAML',
      broken: (text: string) => text.replace('kicker: 持续重拳出击', 'kicker: "持续重拳出击'),
      message: /drunk-driving\.mdx: 文件无法读取，第 \d+ 行附近格式有误/,
    },
    { name: 'an unknown metric id', broken: UNKNOWN_METRIC, message: UNKNOWN_METRIC_MESSAGE },
    {
      name: 'a figure typed into the text',
      broken: (text: string) => text.replace('违法行为<Metric id="drink-cases" />', '违法行为6862起'),
      message: /drunk-driving\.mdx: 正文不能直接写统计数字“6862起”/,
    },
  ];

  it.each(breaks)('shows $name in the browser, naming the file and field, and recovers once the file is fixed', async ({ broken, message }) => {
    await open(PAGE);
    await eventually(async () => (await onScreen()).heading === TITLE, 'the page before the broken save');

    try {
      save(broken(original));
      // The open page reloads by itself (the dev server tells it the content changed) and shows the error.
      await eventually(async () => {
        const { error } = await onScreen();
        if (error === undefined || !message.test(error)) throw new Error(`on screen: ${error ?? 'no error'}`);
        return true;
      }, 'the error overlay');
      const during = await served(PAGE);
      expect(during.status).toBe(500);
      expect(headingOf(during.html)).toBeUndefined();
      expect(dev.output(), 'the terminal says it too').toMatch(message);
    } finally {
      save(original);
    }
    // The dev server tells the open page to reload once it has read the fixed file. A page that was
    // itself reloading at that moment can miss the message (seen once on a loaded machine); the editor
    // then presses F5, once, with no restart: the served page below must be whole either way.
    await eventually(async () => (await onScreen()).heading === TITLE, 'the page after the fix, without reloading by hand', { timeoutMs: 20_000 }).catch(async () => {
      await page.reload();
      await eventually(async () => (await onScreen()).heading === TITLE, 'the page after the fix and one reload');
    });
    const after = await served(PAGE);
    expect(after.status).toBe(200);
    expect(headingOf(after.html)).toBe(TITLE);
  });

  it('says in the search box that search needs npm run build, and searches nothing else', async () => {
    const searchPage = parse((await served('/search/')).html);
    expect(searchPage.querySelector('site-search[data-mode="page"] .search-panel')?.textContent).toContain(SEARCH_TEXT.needsBuild);
    expect(builtPage('/search/'), 'the built site searches').not.toContain(SEARCH_TEXT.needsBuild);

    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await open(PAGE);
    await page.locator('header site-search input').fill('酒驾');
    const panel = page.locator('header site-search .search-panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.innerText()).toContain(SEARCH_TEXT.needsBuild);
    expect(await page.locator('header site-search .search-results li').count()).toBe(0);
    expect(requests.filter((path) => path.startsWith('/pagefind/') || path.startsWith('/search/'))).toEqual([]);
  });
});

