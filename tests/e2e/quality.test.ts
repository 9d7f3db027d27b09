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

  it('长辈模式, once chosen, is in place from the first paint of the next page: nothing grows or moves', async () => {
    const context = await env.browser.newContext(PHONE);
    // Scripts arrive late, as on a slow network: only what runs before the first paint avoids a reflow.
    await context.route(/\/_astro\/.+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    await context.addInitScript(() => {
      const seen = window as unknown as { shifts: string[]; elderAtFirstFrame?: boolean };
      seen.shifts = [];
      // Every shift counts: the reader does nothing on this page (the click was on the page before).
      // Each is kept with what moved, so a failure names it.
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] })[]) {
          const moved = entry.sources.map(({ node, previousRect: a, currentRect: b }) => `${node?.nodeName}.${(node as Element | undefined)?.className} (${a.x},${a.y},${a.width}×${a.height})→(${b.x},${b.y},${b.width}×${b.height})`);
          seen.shifts.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${moved.join('; ')}`);
        }
      }).observe({ type: 'layout-shift', buffered: true });
      // The class as it is in the first frame that has the page's header in it.
      const frame = () => {
        if (document.querySelector('.masthead')) seen.elderAtFirstFrame = document.documentElement.classList.contains('elder');
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    const page = await context.newPage();
    await page.goto(`${env.site.origin}/`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: '长辈模式' }).click();
    await page.goto(`${env.site.origin}/2022/drunk-driving/`, { waitUntil: 'networkidle' });
    const seen = await page.evaluate(() => {
      const { elderAtFirstFrame, shifts } = window as unknown as { shifts: string[]; elderAtFirstFrame?: boolean };
      return { elderAtFirstFrame, shifts };
    });
    expect(seen).toEqual({ elderAtFirstFrame: true, shifts: [] });
    await context.close();
  });
});

describe('without JavaScript', () => {
  const embed = pages.find((path) => path.startsWith('/embed/'))!;
  it.each(['/', '/2022/', '/2022/drunk-driving/', '/2022/muck-trucks/', '/2022/full/', '/search/', '/data/', embed])(
    '%s shows no button that needs script: each one shown submits a form',
    async (path) => {
      const context = await env.browser.newContext({ ...PHONE, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(env.site.origin + path);
      const dead: string[] = [];
      for (const button of await page.locator('button').all()) {
        if (!(await button.isVisible())) continue;
        const submits = (await button.getAttribute('type')) === 'submit' && (await button.locator('xpath=ancestor::form').count()) === 1;
        if (!submits) dead.push((await button.textContent()) ?? '');
      }
      expect(dead).toEqual([]);
      await context.close();
    },
  );
});
