import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cspHash } from '@/lib/csp';
import { ELDER_FIRST_PAINT_SCRIPT } from '@/lib/elder-mode';
import { DIST, builtDocument, builtPages } from '../support/dist';
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

describe('inline scripts run only by their hash', () => {
  it.each(pages)('%s: the policy lists the hash of every inline script on the page', (path) => {
    const allowed = metaPolicy(path).get('script-src') ?? [];
    const inline = builtDocument(path)
      .querySelectorAll('script:not([src])')
      .filter((script) => script.getAttribute('type') !== 'application/ld+json');
    for (const script of inline) expect(allowed, script.rawText.slice(0, 80)).toContain(`'${cspHash(script.rawText)}'`);
  });

  it.each(pages.filter((path) => !path.startsWith('/embed/')))('%s applies a stored 长辈模式 before the page is painted: its script opens <body>, after the policy', (path) => {
    const body = builtDocument(path).querySelector('body')!;
    const first = body.childNodes.find((node) => node.nodeType === 1);
    expect(first?.toString()).toBe(`<script>${ELDER_FIRST_PAINT_SCRIPT}</script>`);
    expect(metaPolicy(path).get('script-src')).toContain(`'${cspHash(ELDER_FIRST_PAINT_SCRIPT)}'`);
  });
});

describe('host headers (public/_headers)', () => {
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
