import { searchableText, type SearchDocument } from './document';
import { excerptOf } from './excerpt';
import { hasFilters, NO_FILTERS, passesFilters, type SearchFilters } from './filters';
import { hitHref, isFigureTerm, type SearchHit } from './hit';
import { highlightTerms } from './query';
import { rankByMatch } from './rank';

/** How much a term found in each field counts; the text counts once per occurrence. */
const WEIGHTS = { title: 8, kicker: 6, aliases: 5, figures: 3, summary: 2, text: 1 } as const;

/**
 * The simplified search used when Pagefind cannot start (no WebAssembly): every term of the query must
 * occur in an achievement that passes the filters; ranked by the same rule as Pagefind's results (the query
 * as typed first, see rankByMatch), then by where the terms occur (headline over aliases over text).
 * Without a query, the filters alone list their achievements in the documents' order (newest edition first).
 */
export function substringSearch(all: readonly SearchDocument[], query: string, filters: SearchFilters = NO_FILTERS): SearchHit[] {
  const documents = all.filter((document) => passesFilters(document, filters));
  const terms = [...new Set(query.toLowerCase().split(' ').filter(Boolean))];
  if (terms.length === 0) return hasFilters(filters) ? documents.map((document) => hitOf(document, [])) : [];
  const scored = documents
    .map((document, order) => ({ document, order, score: scoreOf(document, terms), text: searchableText(document) }))
    .filter((r): r is typeof r & { score: number } => r.score !== undefined)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  return rankByMatch(scored, (r) => r.text, query).map(({ document, text }) => hitOf(document, highlightTerms(query, text)));
}

function scoreOf(document: SearchDocument, terms: string[]): number | undefined {
  let score = 0;
  for (const term of terms) {
    const found =
      (document.title.toLowerCase().includes(term) ? WEIGHTS.title : 0) +
      (document.kicker.toLowerCase().includes(term) ? WEIGHTS.kicker : 0) +
      (document.aliases.some((a) => a.toLowerCase().includes(term)) ? WEIGHTS.aliases : 0) +
      (document.figures.some((f) => `${f.label}${f.value}`.toLowerCase().includes(term)) ? WEIGHTS.figures : 0) +
      (document.summary.toLowerCase().includes(term) ? WEIGHTS.summary : 0) +
      occurrences(document.text.toLowerCase(), term) * WEIGHTS.text;
    if (found === 0) return undefined;
    score += found;
  }
  return score;
}

function hitOf(document: SearchDocument, terms: string[]): SearchHit {
  const figure = document.figures.find((f) => terms.some((t) => isFigureTerm(t) && f.value.toLowerCase().includes(t)));
  return {
    href: hitHref(document.href, terms, figure?.id),
    year: String(document.year),
    kicker: document.kicker,
    title: document.title,
    excerpt: excerptOf(document.text, terms) ?? [{ text: document.summary, marked: false }],
  };
}

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}
