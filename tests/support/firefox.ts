import { existsSync } from 'node:fs';
import puppeteer, { type ElementHandle, type Page } from 'puppeteer-core';
import type { PageElement, ReaderBrowser, Wire, WireArgs } from './reader-path.ts';

/**
 * Debian's Firefox ESR (`firefox-esr`, installed by .ci/run), driven over WebDriver BiDi by
 * puppeteer-core, which also gives the console (BiDi `log.entryAdded`): console errors and warnings
 * and uncaught errors are collected beside the page watcher's reports.
 */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const handle = (element: PageElement) => element as unknown as ElementHandle;

export async function startFirefox(): Promise<ReaderBrowser> {
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: apt-get install firefox-esr (.ci/run installs it)`);
  // A phone-sized window (Firefox's own --width/--height) rather than setViewport, which asks for a
  // BiDi command ESR 140 lacks (emulation.setScreenOrientationOverride).
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, defaultViewport: null, args: ['--width=390', '--height=844'] });
  try {
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') consoleErrors.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${String(error)}`));
    return new FirefoxPage(page, consoleErrors, () => browser.close());
  } catch (error) {
    await browser.close();
    throw error;
  }
}

class FirefoxPage implements ReaderBrowser {
  readonly #page: Page;
  readonly consoleErrors: string[];
  readonly quit: () => Promise<void>;

  constructor(page: Page, consoleErrors: string[], quit: () => Promise<void>) {
    this.#page = page;
    this.consoleErrors = consoleErrors;
    this.quit = quit;
  }

  async navigate(url: string) {
    await this.#page.goto(url);
  }

  /** history.back(), then wait for the page shown: goBack() waits for a load event, and a page
   * restored from the back/forward cache has none. */
  async back() {
    const from = this.#page.url();
    await this.#page.evaluate(() => history.back());
    const deadline = Date.now() + 15_000;
    for (;;) {
      const shown = await this.#page.evaluate((left) => location.href !== left && document.readyState === 'complete', from).catch(() => false);
      if (shown) return;
      if (Date.now() > deadline) throw new Error(`Firefox: Back from ${from} did not show a page`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async currentUrl() {
    return this.#page.evaluate(() => location.href);
  }

  async execute<T, A extends unknown[]>(fn: (...args: A) => T, ...args: WireArgs<A>): Promise<Wire<Awaited<T>>> {
    // A handle, so that an element comes back as one; anything else as its JSON value.
    const result = await this.#page.evaluateHandle(fn as (...args: unknown[]) => T, ...(args as unknown[]));
    const element = result.asElement();
    if (element) return element as unknown as Wire<Awaited<T>>;
    const value = (await result.jsonValue()) as Wire<Awaited<T>>;
    await result.dispose();
    return value;
  }

  async click(element: PageElement) {
    await handle(element).click();
  }

  async type(element: PageElement, text: string) {
    await handle(element).type(text);
  }

  async paste(element: PageElement) {
    await handle(element).focus();
    await this.#page.keyboard.down('Control');
    await this.#page.keyboard.press('v');
    await this.#page.keyboard.up('Control');
  }
}
