import { normaliseQuery } from './query';

/** The filters of /search/: one of the achievements' topics, one edition's year; '' for any. */
export interface SearchFilters {
  tag: string;
  year: string;
}

/** What /search/ is asked for, as its address says it: /search/?q=酒驾&tag=头盔&year=2022. */
export interface SearchRequest extends SearchFilters {
  query: string;
}

export const NO_FILTERS: SearchFilters = { tag: '', year: '' };

/** A request read from a query string, normalised as the box normalises what is typed. */
export function requestFromUrl(search: string): SearchRequest {
  const params = new URLSearchParams(search);
  return { query: normaliseQuery(params.get('q') ?? ''), tag: (params.get('tag') ?? '').trim(), year: (params.get('year') ?? '').trim() };
}

/** The address of a request: only what is set, in the order q, tag, year; the bare path when nothing is. */
export function urlOfRequest(pathname: string, request: SearchRequest): string {
  const entries = ([['q', request.query], ['tag', request.tag], ['year', request.year]] as const).filter(([, value]) => value);
  return entries.length > 0 ? `${pathname}?${new URLSearchParams(entries.map(([k, v]) => [k, v]))}` : pathname;
}

export function hasFilters(filters: SearchFilters): boolean {
  return filters.tag !== '' || filters.year !== '';
}

/** Whether an achievement passes the filters. */
export function passesFilters(achievement: { tags: readonly string[]; year: number | string }, filters: SearchFilters): boolean {
  return (!filters.tag || achievement.tags.includes(filters.tag)) && (!filters.year || String(achievement.year) === filters.year);
}

/** Pagefind's form of the filters (its `tag` and `year` filters, see AchievementArticle.astro). */
export function pagefindFilters(filters: SearchFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value));
}

/** The choices the filters offer: every topic in the order achievements first use it, every year newest first. */
export function filterChoices(achievements: readonly { tags: readonly string[]; year: number }[]): { tags: string[]; years: number[] } {
  return {
    tags: [...new Set(achievements.flatMap((s) => s.tags))],
    years: [...new Set(achievements.map((s) => s.year))].sort((a, b) => b - a),
  };
}
