import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { serveStatic, type StaticSite } from './server';

export interface SiteInBrowser {
  site: StaticSite;
  browser: Browser;
}

/** The built site served on 127.0.0.1 and a Chromium to read it, for one test file; both closed after it. */
export function siteInBrowser(): SiteInBrowser {
  const env = {} as SiteInBrowser;
  beforeAll(async () => {
    [env.site, env.browser] = await Promise.all([serveStatic(), launchBrowser()]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.site?.close();
  });
  return env;
}
