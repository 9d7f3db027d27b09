import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { DESKTOP, PHONE, watchPage } from '../support/browser';
import { siteInBrowser } from '../support/site-in-browser';
import { builtPages } from '../support/dist';

const pages = builtPages().filter((path) => path !== '/404.html');
const env = siteInBrowser();

/** Load a page as a reader would: read it to the end (so lazy charts draw), then settle. */
async function readThrough(page: Page, path: string) {
  await page.goto(env.site.origin + path);
  // Charts watch the viewport only from the first paint on (site-chart.ts), which a busy machine
  // can show after the load event: scrolling past a chart before it would leave it undrawn.
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  await page.evaluate(async () => {
    for (let y = 0; y <= document.documentElement.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      // A frame lets lazy charts see themselves scrolled into view; a busy machine that drops frames
      // must not stall the read (it did, once in a few full runs, for 120 s).
      await new Promise((resolve) => {
        requestAnimationFrame(resolve);
        setTimeout(resolve, 100);
      });
    }
  });
  await page.waitForLoadState('networkidle');
}

const ELDER: BrowserContextOptions = { ...PHONE, viewport: { width: 320, height: 640 } };

describe.each([
  ['phone, light', PHONE, 'light', false],
  ['phone, dark', PHONE, 'dark', false],
  ['desktop, light', DESKTOP, 'light', false],
  ['desktop, dark', DESKTOP, 'dark', false],
  ['320 px in 长辈模式, light', ELDER, 'light', true],
  ['320 px in 长辈模式, dark', ELDER, 'dark', true],
] as const)('%s', (_, device, colorScheme, elder) => {
  // Pages are independent; a few at a time keeps both cores busy without starving the env.browser.
  // Chart embeds live in other sites' pages and carry no site header, so no 长辈模式 button either.
  it.concurrent.for(elder ? pages.filter((path) => !path.startsWith('/embed/')) : pages)('%s: no axe violation, no console error or CSP violation, nothing from elsewhere, no sideways scroll', async (path, { expect }) => {
    const context = await env.browser.newContext({ ...device, colorScheme, reducedMotion: 'reduce' });
    if (elder) await context.addInitScript(() => localStorage.setItem('elder-mode', 'on'));
    const page = await context.newPage();
    const watch = watchPage(page, env.site.origin);
    await readThrough(page, path);
    if (elder) expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });
});

describe('keyboard', () => {
  it('the first Tab reaches a visible skip link that moves focus to the article', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.site.origin}/2022/drunk-driving/`);
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    expect(await skip.evaluate((e) => e === document.activeElement)).toBe(true);
    expect((await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(page.url()).toMatch(/#main$/);
    await page.close();
  });

  it('every focusable control shows a visible focus outline', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.site.origin}/2022/civilized-city/`);
    const unfocusable: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        if (!e || e === document.body) return null;
        const style = getComputedStyle(e);
        return { name: `${e.tagName} ${e.textContent?.trim().slice(0, 20)}`, outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
      });
      if (!focused) break;
      if (!focused.outline) unfocusable.push(focused.name);
    }
    expect(unfocusable).toEqual([]);
    await page.close();
  });

  it('长辈模式 is a toggle button that persists across pages', async () => {
    const context = await env.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${env.site.origin}/`);
    const toggle = page.getByRole('button', { name: '长辈模式' });
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(before * 1.2);
    await page.goto(`${env.site.origin}/2022/drunk-driving/`);
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
    expect(await page.getByRole('button', { name: '长辈模式' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: '长辈模式' }).click();
    await page.goto(`${env.site.origin}/`);
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(false);
    await context.close();
  });
});
