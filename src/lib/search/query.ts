/** Longest query we search for: a reader's words, not a pasted article. */
export const MAX_QUERY_LENGTH = 64;

/**
 * The query as the index understands it: full-width letters and digits made plain (１２１２３ → 12123),
 * spaces collapsed, trimmed, and cut at MAX_QUERY_LENGTH characters.
 */
export function normaliseQuery(raw: string): string {
  return Array.from(raw.normalize('NFKC').replace(/\s+/g, ' ').trim())
    .slice(0, MAX_QUERY_LENGTH)
    .join('')
    .trim();
}

/** Characters in traditional (or Hong Kong / Taiwan variant) form mapped to the simplified form the index uses. */
export type TraditionalMap = Readonly<Record<string, string>>;

/** 醉駕 → 醉驾: each character the map knows is replaced, every other character kept. */
export function toSimplified(query: string, map: TraditionalMap): string {
  return Array.from(query, (char) => map[char] ?? char).join('');
}

/**
 * The traditional→simplified map a search needs for this index: every candidate character that
 * `convert` turns into a different single character found in `indexText`. Characters the index
 * never uses are left out, which keeps the map a few kilobytes instead of the whole dictionary.
 */
export function traditionalMapFor(indexText: string, candidates: Iterable<string>, convert: (text: string) => string): Record<string, string> {
  const used = new Set(Array.from(indexText));
  const map: Record<string, string> = {};
  for (const char of [...new Set(candidates)].sort()) {
    const simplified = convert(char);
    if (simplified !== char && Array.from(simplified).length === 1 && used.has(simplified)) map[char] = simplified;
  }
  return map;
}

/**
 * The words to mark for a query in an achievement's text: each space-separated part of the query as typed,
 * where the text has it; otherwise the part's words of two or more characters that the text has. Never a
 * lone character of a longer part: 减量控大 is marked whole, not as 减, 量, 控 and 大 over the page.
 */
export function highlightTerms(query: string, text: string): string[] {
  const haystack = text.toLowerCase();
  const terms = query
    .toLowerCase()
    .split(' ')
    .filter(Boolean)
    .flatMap((part) => (haystack.includes(part) ? [part] : wordsOf(part).filter((word) => Array.from(word).length > 1 && haystack.includes(word))));
  return [...new Set(terms)].sort((a, b) => b.length - a.length);
}

function wordsOf(part: string): string[] {
  if (typeof Intl.Segmenter !== 'function') return [];
  return [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(part)].filter((s) => s.isWordLike).map((s) => s.segment);
}
