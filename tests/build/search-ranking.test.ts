import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../src/lib/search/hit';
import { RANKING, RECALL } from '../fixtures/search/queries';
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

describe('words of the text are found whatever the segmenters make of them (upstream #1237)', () => {
  it.each(RECALL)('%s → %s', async (query, slug) => {
    expect((await pagefind(query)).map((h) => slugOf(h.href))).toContain(slug);
  });
});
