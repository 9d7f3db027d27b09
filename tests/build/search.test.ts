import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, builtDocument } from '../support/dist';

const SECTIONS = readdirSync(new URL('../../content/2022/', import.meta.url))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => `/2022/${f.replace(/\.mdx$/, '')}/`);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [`/${relative(DIST, path)}`] : [];
  });
}
const pathOf = (file: string) => file.replace(/index\.html$/, '');

describe('the Pagefind index', () => {
  it('is written by the build and holds exactly the ten sections, in Chinese', () => {
    const entry = JSON.parse(readFileSync(`${DIST}pagefind/pagefind-entry.json`, 'utf8'));
    expect(entry.languages).toEqual({ zh: expect.objectContaining({ page_count: SECTIONS.length }) });
  });

  it('every page declares <html lang="zh-CN">, which Chinese segmentation needs', () => {
    for (const file of htmlFiles(DIST)) expect(builtDocument(pathOf(file)).querySelector('html')?.getAttribute('lang'), file).toBe('zh-CN');
  });

  it('indexes only section articles: never the cards of the front page, the edition page or /search/', () => {
    for (const file of htmlFiles(DIST)) {
      const bodies = builtDocument(pathOf(file)).querySelectorAll('[data-pagefind-body]');
      expect(bodies.length, file).toBe(SECTIONS.includes(pathOf(file)) ? 1 : 0);
    }
  });

  it.each(SECTIONS)('%s: the article is indexed with its metadata and filters, the chrome is not', (path) => {
    const doc = builtDocument(path);
    const article = doc.querySelector('article[data-pagefind-body]')!;
    expect(article.getAttribute('data-pagefind-meta')).toBe('summary[data-summary], order[data-order]');
    expect(article.getAttribute('data-year')).toBe('2022');
    expect(article.querySelector('[data-pagefind-meta="kicker"]')?.textContent).toBeTruthy();
    expect(article.querySelector('h1[data-pagefind-meta="title"]')?.textContent).toBeTruthy();
    expect(article.querySelectorAll('data[data-pagefind-filter="tag[value]"]').length).toBeGreaterThan(0);
    for (const chrome of ['header.masthead', 'footer.colophon', 'nav.breadcrumb']) expect(doc.querySelector(chrome)?.hasAttribute('data-pagefind-ignore'), chrome).toBe(true);
  });

  it.each(SECTIONS)('%s: the search aliases are indexed but hidden from every reader', (path) => {
    const aliases = builtDocument(path).querySelector('article #search-aliases')!;
    expect(aliases.hasAttribute('hidden')).toBe(true);
    expect(aliases.textContent.length).toBeGreaterThan(0);
  });
});

describe('the search data', () => {
  it('/search/sections.json holds the ten sections for the simplified search', () => {
    const documents = JSON.parse(readFileSync(`${DIST}search/sections.json`, 'utf8'));
    expect(documents.map((d: { href: string }) => d.href).sort()).toEqual([...SECTIONS].sort());
    const drunk = documents.find((d: { href: string }) => d.href === '/2022/drunk-driving/');
    expect(drunk.text).toContain('查处酒驾醉驾违法行为6862起');
    expect(drunk.figures[0]).toEqual({ id: 'drink-cases', label: '查处酒驾醉驾违法行为', value: '6862起（2022年）' });
  });

  it('/search/traditional.json maps traditional characters to the index’s simplified ones, and stays small', () => {
    const file = `${DIST}search/traditional.json`;
    const map = JSON.parse(readFileSync(file, 'utf8'));
    expect(map).toMatchObject({ 駕: '驾', 頭: '头', 車: '车', 運: '运', 臺: '台' });
    expect(statSync(file).size).toBeLessThan(8 * 1024);
  });

  it('/search/ lists all ten sections in the built page (what a reader without JavaScript sees)', () => {
    const links = builtDocument('/search/').querySelectorAll('site-search[data-mode="page"] .search-hit');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(SECTIONS.slice().sort((a, b) => order(a) - order(b)));
  });
});

function order(path: string): number {
  const source = readFileSync(new URL(`../../content${path.slice(0, -1)}.mdx`, import.meta.url), 'utf8');
  return Number(/^order: (\d+)$/m.exec(source)![1]);
}
