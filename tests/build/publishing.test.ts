import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtDocument, builtPage, builtPages, DIST, textAt } from '../support/dist';
import { SLUGS } from '../support/achievements';
import { expectedPublisher } from '../support/publisher';

const SITE = 'http://localhost:4321';
const SECTIONS = SLUGS.map((slug) => `/2022/${slug}/`);
const PAGES = ['/', '/2022/', '/2022/full/', ...SECTIONS, '/data/'];
const read = (path: string) => readFileSync(`${DIST}${path.slice(1)}`, 'utf8');
const meta = (path: string, key: string) => builtDocument(path).querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');

function jsonLd(path: string) {
  const blocks = builtDocument(path).querySelectorAll('script[type="application/ld+json"]');
  expect(blocks).toHaveLength(1);
  return JSON.parse(blocks[0]!.textContent);
}

describe('share meta', () => {
  it.each(PAGES)('%s has an absolute canonical URL, Open Graph and Twitter meta', (path) => {
    const doc = builtDocument(path);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${SITE}${path}`);
    expect(meta(path, 'og:url')).toBe(`${SITE}${path}`);
    expect(meta(path, 'og:title')).toBe(textAt(doc, 'title'));
    expect(meta(path, 'og:description')).toBe(meta(path, 'description'));
    expect(meta(path, 'og:type')).toBe(SECTIONS.includes(path) ? 'article' : 'website');
    expect(meta(path, 'og:locale')).toBe('zh_CN');
    expect(meta(path, 'twitter:card')).toBe('summary_large_image');
    const image = meta(path, 'og:image')!;
    expect(image).toBe(SECTIONS.includes(path) ? `${SITE}${path}card.png` : `${SITE}/2022/card.png`);
    expect(existsSync(`${DIST}${new URL(image).pathname.slice(1)}`)).toBe(true);
    expect(doc.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href')).toBe(`${SITE}/rss.xml`);
  });

  it('a section’s description is its summary', () => {
    expect(meta('/2022/drunk-driving/', 'og:description')).toMatch(/^坚持“全覆盖、零容忍、严执法”/);
  });

  it('the 404 page is not indexed and claims no canonical URL', () => {
    const doc = builtDocument('/404.html');
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(doc.querySelector('link[rel="canonical"]')).toBeNull();
  });
});

describe('JSON-LD', () => {
  it.each(SECTIONS)('%s is a NewsArticle by 张浩 and 刘峰, part of the edition, with only the publisher the owners set and no date', (path) => {
    const data = jsonLd(path);
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('NewsArticle');
    expect(data.headline).toBe(`${textAt(builtDocument(path), '.achievement .kicker')} ${textAt(builtDocument(path), 'h1')}`);
    expect(data.author).toEqual([
      { '@type': 'Person', name: '张浩' },
      { '@type': 'Person', name: '刘峰' },
    ]);
    expect(data.publisher).toEqual(expectedPublisher());
    expect(data.url).toBe(`${SITE}${path}`);
    expect(data.image).toEqual([`${SITE}${path}card.png`]);
    expect(data.isPartOf).toEqual({ '@type': 'CreativeWork', name: '踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事', url: `${SITE}/2022/` });
    expect(JSON.stringify(data)).not.toMatch(/date|Date|\d{4}-\d{2}-\d{2}/);
  });

  it('the front page describes the whole recap and its ten sections, with no date', () => {
    const data = jsonLd('/');
    expect(data['@type']).toBe('NewsArticle');
    expect(data.headline).toBe('踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事');
    expect(data.hasPart.map((part: { url: string }) => part.url)).toEqual(SECTIONS.map((p) => `${SITE}${p}`));
    expect(JSON.stringify(data)).not.toMatch(/datePublished|dateModified/);
  });
});

describe('feed, sitemap and robots.txt', () => {
  const rss = builtDocument('/rss.xml');

  it('the RSS feed lists the ten sections in order with absolute links and no invented date', () => {
    expect(textAt(rss, 'channel > title')).toBe('踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事');
    expect(textAt(rss, 'channel > description')).toMatch(/作者张浩、刘峰/);
    expect(textAt(rss, 'channel > language')).toBe('zh-cn');
    const items = rss.querySelectorAll('item');
    expect(items).toHaveLength(10);
    expect(items.map((item) => textAt(item, 'guid'))).toEqual(SECTIONS.map((p) => `${SITE}${p}`));
    for (const item of items) expect(() => builtPage(new URL(textAt(item, 'guid')).pathname)).not.toThrow();
    for (const item of items) {
      expect(textAt(item, 'title').length).toBeGreaterThan(0);
      expect(textAt(item, 'description').length).toBeGreaterThan(0);
    }
    expect(read('/rss.xml')).not.toMatch(/pubDate|lastBuildDate/);
    expect(read('/rss.xml')).toContain(`<atom:link href="${SITE}/rss.xml" rel="self" type="application/rss+xml"/>`);
  });

  it('the sitemap lists every page and nothing that does not exist', () => {
    const listed = [...read('/sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    // Everything but the 404 page and the chart embeds (noindex: the achievement is the page to find).
    const expected = builtPages().filter((path) => path !== '/404.html' && !path.startsWith('/embed/'));
    expect(listed.map((url) => url.replace(SITE, '')).sort()).toEqual(expected.sort());
    for (const url of listed) expect(() => builtPage(new URL(url).pathname)).not.toThrow();
  });

  it('robots.txt allows crawling and points to the sitemap', () => {
    expect(read('/robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap.xml\n`);
  });
});

describe('the full text on one page', () => {
  const doc = builtDocument('/2022/full/');

  it('has the title block, the lead and the ten sections in order, with their text and tables', () => {
    expect(textAt(doc, 'h1')).toBe('踔厉奋发保平安 笃行实干护坦途');
    expect(textAt(doc, '.lead')).toMatch(/^刚刚过去的2022年/);
    const achievements = doc.querySelectorAll('.full-section');
    expect(achievements.map((s) => s.getAttribute('id'))).toEqual(SLUGS);
    for (const slug of SLUGS) {
      const achievement = doc.querySelector(`#${slug}`)!;
      const page = builtDocument(`/2022/${slug}/`);
      expect(textAt(achievement, '.kicker')).toBe(textAt(page, '.achievement .kicker'));
      expect(textAt(achievement, '.title')).toBe(textAt(page, 'h1'));
      expect(textAt(achievement, '.prose')).toBe(textAt(page, '.prose'));
      expect(achievement.querySelectorAll('tbody tr').length).toBe(page.querySelectorAll('.metrics tbody tr').length);
    }
  });

  it('keeps anchors unique where ten tables share the page', () => {
    const ids = doc.querySelectorAll('[id]').map((el) => el.getAttribute('id'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is linked from the front page', () => {
    expect(builtDocument('/').querySelector('a[href="/2022/full/"]')).not.toBeNull();
  });
});

describe('print', () => {
  it('every page loads the print rule that prints site links as absolute URLs', () => {
    for (const path of PAGES) expect(builtDocument(path).querySelector('link[rel="stylesheet"][media="print"]')?.getAttribute('href')).toBe('/print.css');
    expect(read('/print.css')).toContain(`a[href^="/"]::after { content: " (" "${SITE}" attr(href) ")";`);
  });
});

describe('precompressed siblings for servers and CDNs', () => {
  const files = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(html|css|js|json|csv|xml|svg|wasm)$/.test(file));

  it('every text file of 1 KB or more has a .gz and a .br holding exactly its bytes, the search index’s own files included', () => {
    const large = files.filter((file) => statSync(`${DIST}${file}`).size >= 1024);
    expect(large).toEqual(expect.arrayContaining(['2022/drunk-driving/index.html', '2022/data.json', 'pagefind/pagefind.js']));
    for (const file of large) {
      const bytes = readFileSync(`${DIST}${file}`);
      expect(gunzipSync(readFileSync(`${DIST}${file}.gz`)).equals(bytes), `${file}.gz`).toBe(true);
      expect(brotliDecompressSync(readFileSync(`${DIST}${file}.br`)).equals(bytes), `${file}.br`).toBe(true);
    }
  });
});
