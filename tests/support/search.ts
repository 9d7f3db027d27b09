import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SearchDocument } from '../../src/lib/search/document';
import { substringSearch } from '../../src/lib/search/fallback';
import { NO_FILTERS, pagefindFilters, type SearchFilters } from '../../src/lib/search/filters';
import { pagefindHits, type PagefindResultData, type SearchHit } from '../../src/lib/search/hit';
import { normaliseQuery, toSimplified, type TraditionalMap } from '../../src/lib/search/query';
import { DIST } from './dist';

interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: { filters: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

/** The query pipeline the search box runs: normalised, traditional characters simplified. */
export function prepareQuery(raw: string, dist = DIST): string {
  const map = JSON.parse(readFileSync(`${dist}search/traditional.json`, 'utf8')) as TraditionalMap;
  return toSimplified(normaliseQuery(raw), map);
}

/** Search the built Pagefind index from Node, served at `origin` (see STACK-NOTES: Pagefind runs in Node). */
export async function pagefindInNode(origin: string, dist = DIST): Promise<(raw: string, filters?: SearchFilters) => Promise<SearchHit[]>> {
  const pagefind = (await import(fileURLToPath(new URL('pagefind/pagefind.js', `file://${dist}`)))) as PagefindModule;
  await pagefind.options({ basePath: `${origin}/pagefind/`, baseUrl: '/' });
  await pagefind.init();
  return async (raw, filters = NO_FILTERS) => {
    const query = prepareQuery(raw, dist);
    const found = await pagefind.search(query || null, { filters: pagefindFilters(filters) });
    const data = await Promise.all((found?.results ?? []).map((r) => r.data()));
    return pagefindHits(data, query);
  };
}

/** The simplified search the box falls back to, over the built /search/sections.json. */
export function fallbackInNode(dist = DIST): (raw: string, filters?: SearchFilters) => SearchHit[] {
  const documents = JSON.parse(readFileSync(`${dist}search/sections.json`, 'utf8')) as SearchDocument[];
  return (raw, filters) => substringSearch(documents, prepareQuery(raw, dist), filters);
}

/** /2022/drunk-driving/?highlight=…#drink-cases → drunk-driving */
export function slugOf(href: string): string {
  return new URL(href, 'http://x').pathname.split('/').filter(Boolean).at(-1) ?? '';
}
