import { excerptOf, figureAnchorOf, type Anchor, type ExcerptPart } from './excerpt';
import { highlightTerms } from './query';
import { rankByMatch } from './rank';

/** One search result as the interface shows it, whichever engine found it. */
export interface SearchHit {
  /** The achievement, with the words to mark there (see hitHref) and the figure's anchor when a figure matched. */
  href: string;
  /** The edition's year: with several editions, two achievements can read alike (酒驾 in each year). */
  year: string;
  kicker: string;
  title: string;
  excerpt: ExcerptPart[];
}

/** The part of a Pagefind result's data the interface uses. */
export interface PagefindResultData {
  url: string;
  /** The indexed text as plain text: kicker. headline. text, figures table, aliases. */
  content: string;
  /** Word positions of the matches in `content`. */
  locations: number[];
  /** Elements with an id (the figure rows are `tr`) and the word position where each starts. */
  anchors: (Anchor & { element: string })[];
  meta: Record<string, string | undefined>;
  /** The page's filter values: `year` and its `tag`s. */
  filters?: Record<string, string[] | undefined>;
}

/**
 * Pagefind's results for a query as hits: achievements with the query as typed first, then those with every
 * word of it, then the rest, each group in Pagefind's order (see rankByMatch). Without a query (filters
 * only) the achievements come as the editions list them: newest year first, then in the article's order.
 */
export function pagefindHits(results: readonly PagefindResultData[], query: string): SearchHit[] {
  const ranked = query ? rankByMatch(results, (data) => data.content, query) : [...results].sort(byEditionOrder);
  return ranked.map((data) => hitFromPagefind(data, highlightTerms(query, data.content)));
}

function byEditionOrder(a: PagefindResultData, b: PagefindResultData): number {
  const year = (data: PagefindResultData) => Number(data.filters?.['year']?.[0] ?? 0);
  return year(b) - year(a) || Number(a.meta['order'] ?? 0) - Number(b.meta['order'] ?? 0);
}

/**
 * A Pagefind result as a hit, `terms` being the words to mark: a query for a figure (it has digits) links
 * to the figure's row when a match is in the table; the excerpt comes from the shown text only.
 */
export function hitFromPagefind(data: PagefindResultData, terms: readonly string[]): SearchHit {
  const figureIds = new Set(data.anchors.filter((a) => a.element === 'tr').map((a) => a.id));
  const figure = terms.some(isFigureTerm) ? figureAnchorOf(data.locations, data.anchors, figureIds) : undefined;
  const { kicker = '', title = '', summary = '', aliases } = data.meta;
  return {
    href: hitHref(data.url, terms, figure),
    year: data.filters?.['year']?.[0] ?? '',
    kicker,
    title,
    excerpt: excerptOf(shownText(data.content, title, aliases), terms) ?? [{ text: summary, marked: false }],
  };
}

/**
 * The link from a hit to its achievement: `?highlight=` once per word to mark there (the achievement page marks
 * exactly these, see matchesInPieces), then the figure's anchor. Any query the engine put on the URL is
 * dropped: Pagefind's own highlight words are its segments, lone characters of a phrase among them.
 */
export function hitHref(url: string, terms: readonly string[], anchor?: string): string {
  const path = url.split(/[?#]/)[0];
  const highlight = new URLSearchParams(terms.map((term) => ['highlight', term])).toString();
  return `${path}${highlight ? `?${highlight}` : ''}${anchor ? `#${anchor}` : ''}`;
}

/**
 * The indexed content a reader sees on the page: without the kicker and headline (the hit shows them)
 * and without the hidden aliases at the end, which are searched but never displayed.
 */
export function shownText(content: string, title: string, aliases: string | undefined): string {
  const afterTitle = title && content.includes(title) ? content.indexOf(title) + title.length : 0;
  const aliasesAt = aliases ? content.lastIndexOf(aliases) : -1;
  return content.slice(afterTitle, aliasesAt > afterTitle ? aliasesAt : undefined).replace(/^[.\s]+/, '').trim();
}

/** A term that names a figure (6862, 69万, 26.93) rather than a topic. */
export function isFigureTerm(term: string): boolean {
  return /\d/.test(term);
}
