import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { ROOT } from '../support/build';
import { DIST, builtPages } from '../support/dist';
import { headersFor, parseHeadersFile } from '../support/headers';
import { freePort } from '../support/server';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const SECURITY_HEADERS = ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy', 'permissions-policy', 'strict-transport-security'];
const rules = parseHeadersFile(readFileSync(`${DIST}_headers`, 'utf8'));

let nginx: ChildProcess;
let origin: string;

/** deploy/nginx.conf as shipped, with only its listen address and root pointed at this test's build. */
function siteConfig(port: number): string {
  const shipped = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8');
  const config = shipped.replace(/listen 80;/, `listen 127.0.0.1:${port};`).replace(/root [^;]+;/, `root ${DIST.replace(/\/$/, '')};`);
  if (config === shipped || !config.includes(`root ${DIST.replace(/\/$/, '')};`)) throw new Error('deploy/nginx.conf: listen 80; or root not found');
  return config;
}

beforeAll(async () => {
  if (spawnSync(NGINX, ['-v']).error) throw new Error(`nginx is not installed at ${NGINX} (.ci/run installs Debian's nginx)`);
  const dir = mkdtempSync(join(tmpdir(), 'zz-nginx-'));
  const port = await freePort();
  writeFileSync(join(dir, 'site.conf'), siteConfig(port));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};`).join(' ');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;' : ''} daemon off; master_process off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events {}
http { include /etc/nginx/mime.types; access_log off; ${temp} include ${dir}/site.conf; }
`,
  );
  nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'inherit' });
  origin = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      await fetch(origin);
      break;
    } catch (error) {
      if (tries > 50) throw new Error(`nginx did not start: ${error}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
});

afterAll(() => {
  nginx?.kill();
});

describe('nginx with deploy/nginx.conf over the built site', () => {
  it.each(builtPages().filter((p) => p !== '/404.html'))('%s: 200, precompressed gzip, the headers of dist/_headers, short caching', async (path) => {
    const response = await fetch(origin + path, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const expected = headersFor(rules, path);
    for (const name of SECURITY_HEADERS) expect([name, response.headers.get(name)]).toEqual([name, expected[name] ?? null]);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await response.text()).toMatch(/^<!DOCTYPE html><html lang="zh-CN"/i);
  });

  it('an unknown path is a 404 with the site’s Chinese 404 page', async () => {
    const response = await fetch(`${origin}/2022/no-such-section/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('页面未找到');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('a section without its trailing slash redirects to its permanent URL', async () => {
    const response = await fetch(`${origin}/2022/drunk-driving`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/2022/drunk-driving/');
  });

  it('hashed assets are immutable; the search engine’s files keep their types and are not re-encoded', async () => {
    const html = readFileSync(`${DIST}index.html`, 'utf8');
    const asset = /\/_astro\/[^"]+\.css/.exec(html)![0];
    expect((await fetch(origin + asset)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const wasm = (await import('node:fs')).readdirSync(`${DIST}pagefind`).find((f) => f.endsWith('.pagefind'))!;
    const wasmResponse = await fetch(`${origin}/pagefind/${wasm}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(wasmResponse.status).toBe(200);
    expect(wasmResponse.headers.get('content-encoding')).toBeNull();
    const entry = await fetch(`${origin}/pagefind/pagefind-entry.json`);
    expect(entry.headers.get('content-type')).toBe('application/json');
  });

  describe('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('search works through nginx', async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`${origin}/search/?q=${encodeURIComponent('酒驾')}`);
      const box = page.locator('site-search[data-mode="page"]');
      // Without JavaScript the page lists all ten achievements; the search's own answer replaces them.
      await expect.poll(() => box.locator('[role="status"]').textContent(), { timeout: 15_000 }).toMatch(/^找到 \d+ 条与“酒驾”相关的结果$/);
      expect(new URL((await box.locator('.search-hit').first().getAttribute('href'))!, origin).pathname).toBe('/2022/drunk-driving/');
      expect(await box.locator('.search-note').isHidden()).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
