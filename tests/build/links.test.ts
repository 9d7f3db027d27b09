import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIST, builtDocument, builtPages } from '../support/dist';

const pages = builtPages();
// Canonical, og:url and the share links are absolute, on the build's public address (SITE_URL unset).
const SITE_ORIGIN = 'http://localhost:4321';
const idsByPage = new Map(pages.map((path) => [path, new Set(builtDocument(path).querySelectorAll('[id]').map((e) => e.id))]));

/** The built file a same-site URL is served from, or undefined when nothing would answer it. */
function targetOf(pathname: string): string | undefined {
  if (pathname.endsWith('/')) return idsByPage.has(pathname) ? pathname : undefined;
  return existsSync(DIST + decodeURIComponent(pathname).slice(1)) ? pathname : undefined;
}

describe('every internal link and #anchor resolves', () => {
  it.each(pages)('%s', (path) => {
    const doc = builtDocument(path);
    const broken: string[] = [];
    const refs = [
      ...doc.querySelectorAll('a[href], link[href]').map((e) => e.getAttribute('href')!),
      ...doc.querySelectorAll('meta[property="og:url"], meta[property="og:image"], meta[name="twitter:image"]').map((e) => e.getAttribute('content')!),
      ...doc.querySelectorAll('script[src], img[src], source[src], iframe[src]').map((e) => e.getAttribute('src')!),
      ...doc.querySelectorAll('form[action]').map((e) => e.getAttribute('action')!),
    ];
    for (const ref of refs) {
      const url = new URL(ref, `http://site.invalid${path}`);
      if (url.origin !== 'http://site.invalid' && url.origin !== SITE_ORIGIN) continue;
      const target = targetOf(url.pathname);
      if (!target) broken.push(ref);
      else if (url.hash && !idsByPage.get(target)?.has(decodeURIComponent(url.hash.slice(1)))) broken.push(ref);
    }
    expect(broken).toEqual([]);
  });

  it('checks real links (the check itself is not vacuous)', () => {
    expect(targetOf('/2022/drunk-driving/')).toBe('/2022/drunk-driving/');
    expect(targetOf('/2022/no-such-section/')).toBeUndefined();
    expect(idsByPage.get('/2022/civilized-city/')?.has('helmet-rate')).toBe(true);
  });
});
