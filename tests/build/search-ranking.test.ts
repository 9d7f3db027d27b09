import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RANKING, RECALL } from '../fixtures/search/queries';
import { builtAchievements, uniquePhrases } from '../support/phrases';
import { fallbackInNode, pagefindInNode, slugOf } from '../support/search';
import { serveStatic, type StaticSite } from '../support/server';

let site: StaticSite;
let pagefind: Awaited<ReturnType<typeof pagefindInNode>>;
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
  const aliases = builtAchievements().flatMap((achievement) => achievement.aliases.map((alias) => [alias, slugOf(achievement.href)] as const));

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
  // Whole-word phrases of 3–8 characters found in exactly one achievement of the built site.
  const phrases = uniquePhrases(builtAchievements());
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

describe('the filters of /search/ (Pagefind’s tag and year, and the simplified search’s)', () => {
  const achievements = builtAchievements();
  const tagged = (tag: string) => achievements.filter((s) => s.tags.includes(tag)).map((s) => slugOf(s.href));

  it.each(['头盔', '超载', '恶劣天气'])('the topic %s alone lists its sections, in the article’s order', async (tag) => {
    const filters = { tag, year: '' };
    expect(tagged(tag).length).toBeGreaterThan(0);
    expect((await pagefind('', filters)).map((h) => slugOf(h.href))).toEqual(tagged(tag));
    expect(fallback('', filters).map((h) => slugOf(h.href))).toEqual(tagged(tag));
  });

  it('a year lists that edition, a year without one nothing', async () => {
    expect(await pagefind('', { tag: '', year: '2022' })).toHaveLength(achievements.filter((s) => s.year === 2022).length);
    expect(await pagefind('', { tag: '', year: '1999' })).toEqual([]);
    expect(fallback('', { tag: '', year: '1999' })).toEqual([]);
  });

  it('a query within a topic finds only sections with that topic', async () => {
    // 同比下降 is in several achievements; the topic 酒驾醉驾 keeps one.
    expect((await pagefind('同比下降')).length).toBeGreaterThan(1);
    expect((await pagefind('同比下降', { tag: '酒驾醉驾', year: '' })).map((h) => slugOf(h.href))).toEqual(['drunk-driving']);
    expect(fallback('同比下降', { tag: '酒驾醉驾', year: '' }).map((h) => slugOf(h.href))).toEqual(['drunk-driving']);
  });
});
