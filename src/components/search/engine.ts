import type { SearchDocument } from '@/lib/search/document';
import { substringSearch } from '@/lib/search/fallback';
import { NO_FILTERS, pagefindFilters, type SearchFilters } from '@/lib/search/filters';
import { pagefindHits, type PagefindResultData, type SearchHit } from '@/lib/search/hit';
import { toSimplified, type TraditionalMap } from '@/lib/search/query';

/** Pagefind's bundle, written by the build (src/integrations/pagefind-index.ts). */
const PAGEFIND = '/pagefind/pagefind.js';
/** Give up on a step of the start when it has not answered by then: a stalled WebAssembly start or request must not leave the box dead. */
const START_TIMEOUT_MS = 6000;

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: { filters: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

export interface SearchEngine {
  /** `pagefind`: the full index; `fallback`: substring search over /search/sections.json. */
  mode: 'pagefind' | 'fallback';
  /** The achievements for a query within the filters; with filters, an empty query lists their achievements. */
  search(query: string, filters?: SearchFilters): Promise<SearchHit[]>;
}

let engine: Promise<SearchEngine> | undefined;
/** How many times the engine has been started on this page. */
let starts = 0;

/**
 * The engine, started on first use: Pagefind when it works in this browser, the simplified search
 * otherwise. Rejects when neither can start (offline, files gone); the next call starts again.
 */
export function searchEngine(): Promise<SearchEngine> {
  engine ??= start(starts++).catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

async function start(attempt: number): Promise<SearchEngine> {
  const traditional = fetchJson<TraditionalMap>('/search/traditional.json').catch(() => ({}));
  const search = await startPagefind(attempt).catch(() => undefined);
  const map = await traditional;
  if (search) return { mode: 'pagefind', search: (query, filters) => search(toSimplified(query, map), filters) };
  const documents = await fetchJson<SearchDocument[]>('/search/sections.json');
  return { mode: 'fallback', search: async (query, filters) => substringSearch(documents, toSimplified(query, map), filters) };
}

async function startPagefind(attempt: number): Promise<(query: string, filters?: SearchFilters) => Promise<SearchHit[]>> {
  // A browser keeps a failed module import for the page's life: a later attempt asks under another
  // URL (Pagefind finds its files from the path, whatever the query).
  const url = attempt === 0 ? PAGEFIND : `${PAGEFIND}?attempt=${attempt}`;
  const pagefind = (await withTimeout(import(/* @vite-ignore */ url), url)) as Pagefind;
  await withTimeout(pagefind.init(), 'Pagefind init');
  const search = async (query: string, filters: SearchFilters = NO_FILTERS) => {
    // A null query with filters is Pagefind's listing of every page that has them.
    const found = await pagefind.search(query || null, { filters: pagefindFilters(filters) });
    const data = await Promise.all((found?.results ?? []).map((r) => r.data()));
    return pagefindHits(data, query);
  };
  // A search that runs end to end proves the WebAssembly works here; a throw or a stall means the fallback.
  await withTimeout(search('交警'), 'Pagefind search');
  return search;
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await withTimeout(fetch(url), url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await withTimeout(response.json(), url)) as T;
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} 超时`)), START_TIMEOUT_MS))]);
}
