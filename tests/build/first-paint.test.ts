import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIST, builtDocument, builtPages } from '../support/dist';

const pages = builtPages();
// Under Lighthouse's mobile profile (Slow 4G) every render-blocking request is on the path to the
// first paint: seven sheets of a few hundred bytes kept achievement pages at 1.06–1.08 s LCP, one sheet
// brings them under 1 s (README, npm run bench). The site's one sheet is about 4 KB gzipped.
const MAX_STYLESHEET_GZIP_BYTES = 6 * 1024;

/** The stylesheets a page must fetch before its first paint: every linked sheet not limited to print. */
function blockingStylesheets(path: string): string[] {
  return builtDocument(path)
    .querySelectorAll('link[rel~="stylesheet"]')
    .filter((link) => !/^\s*print\s*$/i.test(link.getAttribute('media') ?? ''))
    .map((link) => link.getAttribute('href') ?? '');
}

describe('first paint', () => {
  it.each(pages)('%s waits for at most one stylesheet, within the budget', (path) => {
    const sheets = blockingStylesheets(path);
    expect(sheets.length).toBeLessThanOrEqual(1);
    for (const href of sheets) {
      expect(href).toMatch(/^\/_astro\//);
      expect(gzipSync(readFileSync(`${DIST}${href.slice(1)}`), { level: 9 }).length).toBeLessThanOrEqual(MAX_STYLESHEET_GZIP_BYTES);
    }
  });

  it.each(pages)('%s loads no script that blocks parsing', (path) => {
    const blocking = builtDocument(path)
      .querySelectorAll('script[src]')
      .filter((s) => s.getAttribute('type') !== 'module' && !s.hasAttribute('defer') && !s.hasAttribute('async'));
    expect(blocking.map((s) => s.getAttribute('src'))).toEqual([]);
  });
});
