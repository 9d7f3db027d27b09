import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../src/lib/search/hit';
import { RANKING, RECALL } from '../fixtures/search/queries';
import { builtSections, uniquePhrases } from '../support/phrases';
import { fallbackInNode, pagefindInNode, slugOf } from '../support/search';
import { serveStatic, type StaticSite } from '../support/server';

let site: StaticSite;
let pagefind: (query: string) => Promise<SearchHit[]>;
const fallback = fallbackInNode();

beforeAll(async () => {
  site = await serveStatic();
  pagefind = await pagefindInNode(site.origin);
});

afterAll(() => site?.close());

describe('Pagefind ranks the section a reader means first', () => {
  it.each(RANKING)('%s → %s', async (query, slug) => {
    const hits = await pagefind(query);
    expect(hits.map((h) => slugOf(h.href))[0]).toBe(slug);
  });
});

describe('the simplified search (no WebAssembly) ranks the same section first', () => {
  it.each(RANKING)('%s → %s', (query, slug) => {
    expect(fallback(query).map((h) => slugOf(h.href))[0]).toBe(slug);
  });
});

describe('every alias of every entry brings its own section first', () => {
  const aliases = builtSections().flatMap((section) => section.aliases.map((alias) => [alias, slugOf(section.href)] as const));

  it.each(aliases)('%s → %s', async (alias, slug) => {
    expect((await pagefind(alias)).map((h) => slugOf(h.href))[0], 'Pagefind').toBe(slug);
    expect(fallback(alias).map((h) => slugOf(h.href))[0], 'simplified search').toBe(slug);
  });
});

describe('words of the text are found whatever the segmenters make of them (upstream #1237)', () => {
  it.each(RECALL)('%s → %s', async (query, slug) => {
    expect((await pagefind(query)).map((h) => slugOf(h.href))).toContain(slug);
  });
});

describe('a phrase copied from a section brings that section first', () => {
  // Whole-word phrases of 3–8 characters found in exactly one section of the built site.
  const phrases = uniquePhrases(builtSections());
  const share = (firsts: boolean[]) => firsts.filter(Boolean).length / firsts.length;
  const report = (engine: string, firsts: boolean[]) => {
    const misses = phrases.filter((_, i) => !firsts[i]).map(([phrase, href]) => `${phrase} → ${href}`);
    console.log(`${engine}: ${(share(firsts) * 100).toFixed(1)}% of ${phrases.length} phrases rank their section first${misses.length ? `; not first: ${misses.slice(0, 20).join('，')}` : ''}`);
  };

  it('at least 200 phrases come from the content', () => {
    expect(phrases.length).toBeGreaterThanOrEqual(200);
  });

  it('Pagefind: at least 98% rank their section first', async () => {
    const firsts: boolean[] = [];
    for (const [phrase, href] of phrases) firsts.push((await pagefind(phrase))[0]?.href.split('?')[0] === href);
    report('Pagefind', firsts);
    expect(share(firsts)).toBeGreaterThanOrEqual(0.98);
  });

  it('the simplified search: at least 98% rank their section first', () => {
    const firsts = phrases.map(([phrase, href]) => fallback(phrase)[0]?.href.split('?')[0] === href);
    report('simplified search', firsts);
    expect(share(firsts)).toBeGreaterThanOrEqual(0.98);
  });
});
