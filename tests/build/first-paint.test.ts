import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';
import { describe, expect, it } from 'vitest';
import { DIST, builtDocument, builtPages } from '../support/dist';

await init;

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

// Lighthouse's simulation counts every stylesheet and module script a page fetches before its first
// paint, and a script that imports another adds a round trip on Slow 4G: the share bar's scripts and the
// chunks they shared (and the chart script, which imported two of them) kept the front page, /2022/ and
// every section at 1.05–1.21 s LCP; the site's sheet, the search script and the chart script, each
// whole, paint in about 0.9 s (docs/benchmarks.md). Other scripts are inlined by Astro (small, without
// imports) or loaded later with a dynamic import.
const MAX_FIRST_PAINT_FILES = 3;

/** Each file's public path, and the paths of the files its code imports statically (not with import()). */
function staticImports(code: string, from: string): string[] {
  const [imports] = parse(code);
  return imports.filter((entry) => entry.d === -1 && entry.n !== undefined).map((entry) => new URL(entry.n!, `https://site${from}`).pathname);
}

/**
 * The files a page fetches before its first paint, besides itself: its blocking stylesheets, its module
 * scripts, and every file those scripts (its inline ones too) import statically, each with what it imports.
 */
function firstPaintFiles(path: string): Map<string, string[]> {
  const files = new Map<string, string[]>(blockingStylesheets(path).map((href) => [href, []]));
  const fetch = (file: string) => {
    if (files.has(file)) return;
    const imports = staticImports(readFileSync(`${DIST}${file.slice(1)}`, 'utf8'), file);
    files.set(file, imports);
    imports.forEach(fetch);
  };
  for (const script of builtDocument(path).querySelectorAll('script[type="module"]')) {
    const src = script.getAttribute('src');
    if (src) fetch(src);
    else staticImports(script.textContent, path).forEach(fetch);
  }
  return files;
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

  it.each(pages)(`%s fetches at most ${MAX_FIRST_PAINT_FILES} files before its first paint, none of them a script importing another`, (path) => {
    const files = firstPaintFiles(path);
    const chains = [...files].filter(([, imports]) => imports.length > 0).map(([file, imports]) => `${file} imports ${imports.join(', ')}`);
    expect(chains).toEqual([]);
    expect([...files.keys()].length, [...files.keys()].join('\n')).toBeLessThanOrEqual(MAX_FIRST_PAINT_FILES);
  });
});
