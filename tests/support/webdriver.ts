import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { PageElement, ReaderBrowser, Wire, WireArgs } from './reader-path.ts';
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
const WEBKIT_DRIVER = process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.WEBKIT_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB_RUN = '/usr/bin/xvfb-run';

/** The key W3C WebDriver uses to name an element in JSON. */
const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';
const CONTROL = '\uE009';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** An element reference as W3C WebDriver sends it. */
interface ElementReference {
  [ELEMENT_KEY]: string;
}
const reference = (element: PageElement) => (element as unknown as ElementReference)[ELEMENT_KEY];

class WebDriverError extends Error {}

/**
 * Start WebKitWebDriver on a virtual display and open one MiniBrowser session at a phone's width;
 * fails loudly when it is not installed. `quit()` deletes the session, then stops the driver and its
 * display (their whole process group).
 */
export async function startWebKit(): Promise<ReaderBrowser> {
  for (const [path, pkg] of [
    [WEBKIT_DRIVER, 'webkit2gtk-driver'],
    [MINIBROWSER, 'webkit2gtk-driver'],
    [XVFB_RUN, 'xvfb'],
  ] as const) {
    if (!existsSync(path)) throw new Error(`${path} is missing: apt-get install ${pkg} (.ci/run installs webkit2gtk-driver and xvfb)`);
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
    const session = new Session(`${endpoint}/session/${created.sessionId}`, stop);
    // A phone's width; MiniBrowser's window does not go below ~447 CSS px, still the phone layout.
    await session.setWindowSize(390, 844);
    return session;
  } catch (error) {
    await stop();
    throw error;
  }
}

class Session implements ReaderBrowser {
  readonly url: string;
  readonly #stop: () => Promise<void>;
  /** WebKitGTK's driver cannot report the console (docs/webkit.md): the page watcher stands in. */
  readonly consoleErrors: string[] = [];

  constructor(url: string, stop: () => Promise<void>) {
    this.url = url;
    this.#stop = stop;
  }

  #call(method: 'GET' | 'POST' | 'DELETE', path: string, body?: Json) {
    return request(this.url, method, path, body);
  }

  async quit() {
    await this.#call('DELETE', '').catch(() => undefined);
    await this.#stop();
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

  /** A real click: the driver moves the pointer and presses, so the page sees a user gesture. */
  async click(element: PageElement) {
    await this.#call('POST', `/element/${reference(element)}/click`, {});
  }

  async type(element: PageElement, text: string) {
    await this.#call('POST', `/element/${reference(element)}/value`, { text });
  }

  async paste(element: PageElement) {
    await this.type(element, `${CONTROL}v`);
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
