import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './server.ts';

/**
 * WebKit as on an iPhone: Debian's WebKitGTK driven over classic W3C WebDriver. Debian's
 * `webkit2gtk-driver` gives WebKitWebDriver, which drives MiniBrowser and needs a display (`xvfb-run`
 * from `xvfb`); .ci/run installs both. WebKitGTK 2.50's driver speaks classic WebDriver only (it
 * refuses `webSocketUrl: true`, so no BiDi, and has no log endpoint): see docs/webkit.md.
 *
 * The few W3C endpoints a reader's path needs are called with fetch rather than through a client
 * library: the protocol is a stable W3C recommendation, and webdriverio would add ~100 packages and
 * try BiDi first, which this driver refuses.
 */
export const WEBKIT_DRIVER = process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.WEBKIT_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB_RUN = '/usr/bin/xvfb-run';

/** The key W3C WebDriver uses to name an element in JSON. */
const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';
export const KEYS = { control: '\uE009' } as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export interface Element {
  [ELEMENT_KEY]: string;
}

/** A value as it crosses the wire: a page element becomes an element reference. */
type Wire<T> = T extends Node ? Element : T;
type WireArgs<A extends unknown[]> = { [K in keyof A]: Wire<A[K]> };

export class WebDriverError extends Error {}

export interface WebKit {
  /** The driver's W3C session. */
  session: Session;
  /** Delete the session, then stop the driver and its display (its whole process group). */
  quit(): Promise<void>;
}

/** Start WebKitWebDriver on a virtual display and open one MiniBrowser session; fails loudly when it is not installed. */
export async function startWebKit(): Promise<WebKit> {
  for (const [path, pkg] of [
    [WEBKIT_DRIVER, 'webkit2gtk-driver'],
    [MINIBROWSER, 'webkit2gtk-driver'],
    [XVFB_RUN, 'xvfb'],
  ] as const) {
    if (!existsSync(path)) throw new Error(`${path} is missing: apt-get install webkit2gtk-driver xvfb (.ci/run installs them; Debian package ${pkg})`);
  }
  const port = await freePort();
  // Its own process group, so that quitting stops xvfb-run, Xvfb, the driver and MiniBrowser together.
  const driver = spawn(XVFB_RUN, ['-a', WEBKIT_DRIVER, `--port=${port}`], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  driver.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  const stop = () => stopGroup(driver);
  try {
    const endpoint = `http://127.0.0.1:${port}`;
    await waitForDriver(endpoint, driver, () => stderr);
    const created = (await request(endpoint, 'POST', '/session', {
      capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
    })) as { sessionId: string };
    const session = new Session(`${endpoint}/session/${created.sessionId}`);
    return {
      session,
      quit: async () => {
        await session.delete().catch(() => undefined);
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export class Session {
  readonly url: string;

  constructor(url: string) {
    this.url = url;
  }

  #call(method: 'GET' | 'POST' | 'DELETE', path: string, body?: Json) {
    return request(this.url, method, path, body);
  }

  delete() {
    return this.#call('DELETE', '');
  }

  async navigate(url: string) {
    await this.#call('POST', '/url', { url });
  }

  async back() {
    await this.#call('POST', '/back', {});
  }

  async currentUrl(): Promise<string> {
    return (await this.#call('GET', '/url')) as string;
  }

  async setWindowSize(width: number, height: number) {
    await this.#call('POST', '/window/rect', { width, height });
  }

  /**
   * Run a function in the page and return its result (awaited). Its source is sent, so it must not
   * close over test variables; page elements travel both ways as W3C element references.
   */
  async execute<T, A extends unknown[]>(fn: (...args: A) => T, ...args: WireArgs<A>): Promise<Wire<Awaited<T>>> {
    return (await this.#call('POST', '/execute/sync', { script: `return (${fn.toString()}).apply(null, arguments);`, args: args as Json[] })) as Wire<Awaited<T>>;
  }

  /** Poll a function in the page until it returns something truthy; its last value in the error otherwise. */
  async waitFor<T, A extends unknown[]>(what: string, fn: (...args: A) => T, ...args: WireArgs<A>): Promise<NonNullable<Wire<Awaited<T>>>> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const value = await this.execute(fn, ...args);
      if (value) return value;
      if (Date.now() > deadline) throw new WebDriverError(`WebKit: timed out waiting for ${what} (last value ${JSON.stringify(value)})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async find(css: string): Promise<Element> {
    return (await this.#call('POST', '/element', { using: 'css selector', value: css })) as unknown as Element;
  }

  /** A real click: the driver moves the pointer and presses, so the page sees a user gesture. */
  async click(element: Element) {
    await this.#call('POST', `/element/${element[ELEMENT_KEY]}/click`, {});
  }

  async type(element: Element, text: string) {
    await this.#call('POST', `/element/${element[ELEMENT_KEY]}/value`, { text });
  }

  /** The viewport as a PNG. */
  async screenshot(): Promise<Buffer> {
    return Buffer.from((await this.#call('GET', '/screenshot')) as string, 'base64');
  }
}

async function request(base: string, method: string, path: string, body?: Json): Promise<Json> {
  const response = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(60_000),
  });
  const { value } = (await response.json()) as { value: Json & { error?: string; message?: string } };
  if (!response.ok || (value && typeof value === 'object' && 'error' in value)) {
    throw new WebDriverError(`WebKitWebDriver ${method} ${path || '/'}: ${value?.error} ${value?.message}`);
  }
  return value;
}

async function waitForDriver(endpoint: string, driver: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode}): ${stderr()}`);
    try {
      const status = (await request(endpoint, 'GET', '/status')) as { ready: boolean };
      if (status.ready) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not start in 15 s: ${stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stopGroup(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const killed = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 3000))]);
  if (!killed) process.kill(-child.pid, 'SIGKILL');
}
