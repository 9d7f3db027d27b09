import { DATA_PAGE, EDITIONS_PAGE, SEARCH_PAGE, editionFiles } from './paths';
import { escapeXml } from './escape';

/** What the sitemap needs of an edition (an Edition has it all). */
export interface MappedEdition {
  href: string;
  achievements: readonly { href: string }[];
}

/**
 * Every public page, for the sitemap: the front, each edition's front, full text and achievements, the
 * archive of editions, the search page, the data guide. Chart embeds are left out: they are noindex, the achievement is the page.
 */
export function publicPages(editions: readonly MappedEdition[]): string[] {
  return [
    '/',
    ...editions.flatMap((edition) => [edition.href, editionFiles(edition.href).full, ...edition.achievements.map((a) => a.href)]),
    EDITIONS_PAGE,
    SEARCH_PAGE,
    DATA_PAGE,
  ];
}

/** A sitemap (sitemaps.org 0.9) of absolute URLs; no lastmod, since the source gives no dates. */
export function sitemapXml(urls: readonly string[]): string {
  const entries = urls.map((url) => `<url><loc>${escapeXml(url)}</loc></url>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries}</urlset>\n`;
}
