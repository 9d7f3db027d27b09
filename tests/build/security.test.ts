import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cspHash } from '@/lib/csp';
import { ELDER_FIRST_PAINT_SCRIPT } from '@/lib/elder-mode';
import { DIST, builtDocument, builtPage, builtPages } from '../support/dist';
import { headersFor, parseHeadersFile } from '../support/headers';

const pages = builtPages();
const rules = parseHeadersFile(readFileSync(`${DIST}_headers`, 'utf8'));

/** The page's meta policy as directive name → sources. */
function metaPolicy(path: string): Map<string, string[]> {
  const content = builtDocument(path).querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content');
  if (!content) throw new Error(`${path} has no Content-Security-Policy meta`);
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('Content-Security-Policy on every page', () => {
  it.each(pages)('%s allows no inline or eval script, and only its own origin', (path) => {
    const policy = metaPolicy(path);
    const scripts = policy.get('script-src') ?? [];
    expect(scripts).toContain("'self'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts.filter((s) => !/^'(self|wasm-unsafe-eval|sha256-[A-Za-z0-9+/=]+)'$/.test(s))).toEqual([]);
    expect(policy.get('style-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
  });
});

describe('长辈模式 before the first paint', () => {
  it.each(pages.filter((path) => !path.startsWith('/embed/')))('%s applies a stored 长辈模式 before the page is painted: its script opens <body>, after the policy', (path) => {
    const body = builtDocument(path).querySelector('body')!;
    const first = body.childNodes.find((node) => node.nodeType === 1);
    expect(first?.toString()).toBe(`<script>${ELDER_FIRST_PAINT_SCRIPT}</script>`);
    expect(metaPolicy(path).get('script-src')).toContain(`'${cspHash(ELDER_FIRST_PAINT_SCRIPT)}'`);
  });
});

/** The CSP source that allows an inline element with exactly this text. */
const sha256 = (text: string) => `'${cspHash(text)}'`;

/** Inline <script> and <style> bodies exactly as the browser hashes them (JSON data blocks do not run). */
function inlineBodies(html: string) {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => !/\ssrc=/i.test(attributes!) && !/\stype="?application\/(ld\+)?json/i.test(attributes!))
    .map(([, , body]) => body!);
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map(([, body]) => body!);
  return { scripts, styles };
}

describe('inline scripts and styles under the policy', () => {
  it.each(pages)('%s: every inline script and style is hashed in its policy', (path) => {
    const policy = metaPolicy(path);
    const { scripts, styles } = inlineBodies(builtPage(path));
    expect(scripts.map(sha256).filter((hash) => !policy.get('script-src')!.includes(hash))).toEqual([]);
    expect(styles.map(sha256).filter((hash) => !policy.get('style-src')!.includes(hash))).toEqual([]);
    // A style attribute would need 'unsafe-inline' (or 'unsafe-hashes').
    expect(builtDocument(path).querySelectorAll('[style]').map((e) => e.tagName)).toEqual([]);
  });

  // Astro 7.3.5 inlined the style of a component used only inside an MDX entry without hashing it, so
  // the browser dropped it: every scoped style a page uses must arrive in CSS the policy lets it apply.
  it.each(pages)('%s: every component style it uses reaches it', (path) => {
    const html = builtPage(path);
    const policy = metaPolicy(path);
    const { styles } = inlineBodies(html);
    const allowedCss = [
      ...builtDocument(path)
        .querySelectorAll('link[rel~="stylesheet"]')
        .map((link) => link.getAttribute('href')!)
        .filter((href) => href.startsWith('/_astro/'))
        .map((href) => readFileSync(`${DIST}${href.slice(1)}`, 'utf8')),
      ...styles.filter((body) => policy.get('style-src')!.includes(sha256(body))),
    ].join('\n');
    const markup = html.replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '');
    const scopes = new Set([...markup.matchAll(/\sdata-astro-cid-([a-z0-9]+)/g)].map(([, id]) => id!));
    expect(scopes.size).toBeGreaterThan(0);
    expect([...scopes].filter((id) => !allowedCss.includes(`[data-astro-cid-${id}]`))).toEqual([]);
  });
});

describe('host headers (dist/_headers, written by the build)', () => {
  it.each(pages)('%s is sent the security headers', (path) => {
    const headers = headersFor(rules, path);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toMatch(/camera=\(\)/);
    expect(headers['strict-transport-security']).toMatch(/max-age=\d{8,}/);
    if (path.startsWith('/embed/')) {
      expect(headers['content-security-policy']).toMatch(/frame-ancestors \*/);
      expect(headers['x-frame-options']).toBeUndefined();
    } else {
      expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(headers['x-frame-options']).toBe('DENY');
    }
  });

  it('caches hashed assets for a year and nothing else', () => {
    const assets = readFileSync(`${DIST}index.html`, 'utf8').match(/\/_astro\/[^"]+/g) ?? [];
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(headersFor(rules, asset)['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of pages) expect(headersFor(rules, path)['cache-control']).toBeUndefined();
  });
});
