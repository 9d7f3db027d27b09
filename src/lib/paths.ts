/** Public paths of the files built beside the pages, so pages, feeds and tests name them once. */

/** Where an achievement's own files live: /2022/drunk-driving/card.png… */
export function achievementFiles(href: string) {
  return {
    card: `${href}card.png`,
    poster: `${href}poster.png`,
    csv: `${href}data.csv`,
    json: `${href}data.json`,
    pressKit: `${href}press-kit.zip`,
  };
}

/** Where an edition's own files live: /2022/card.png, /2022/summary.png, /2022/full/… */
export function editionFiles(href: string) {
  return {
    card: `${href}card.png`,
    summary: `${href}summary.png`,
    csv: `${href}data.csv`,
    json: `${href}data.json`,
    full: `${href}full/`,
    pressKit: `${href}press-kit.zip`,
  };
}

/** The search page; its query lives in the URL: /search/?q=酒驾. */
export const SEARCH_PAGE = '/search/';
export const DATA_PAGE = '/data/';
/** Every edition, newest first: the archive of years. */
export const EDITIONS_PAGE = '/editions/';
export const DATA_SCHEMA = '/data/schema.json';
export const FEED = '/rss.xml';
export const SITEMAP = '/sitemap.xml';

/** An absolute URL on the public site; `site` is astro.config.mjs `site` (from SITE_URL). */
export function absoluteUrl(path: string, site: URL | undefined): string {
  if (!site) throw new Error('astro.config.mjs 没有 site（环境变量 SITE_URL）：分享链接、数据文件和订阅需要绝对地址');
  return new URL(path, site).href;
}

/** A chart drawn as a PNG at build time, beside its achievement: /2022/muck-trucks/violations.png. */
export function chartImagePath(achievementHref: string, chartId: string): string {
  return `${achievementHref}${chartId}.png`;
}
