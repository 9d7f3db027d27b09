/** A run of an excerpt: plain text, or a matched word to highlight. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/** Characters of text shown on either side of the first match. */
const EXCERPT_RADIUS = 36;

/** A window of the text around the first match, every match in it marked; undefined when the text has none. */
export function excerptOf(text: string, terms: readonly string[]): ExcerptPart[] | undefined {
  const lower = text.toLowerCase();
  const first = Math.min(...terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0));
  if (!Number.isFinite(first)) return undefined;
  const start = Math.max(0, first - EXCERPT_RADIUS);
  const end = Math.min(text.length, first + EXCERPT_RADIUS * 2);
  const window = text.slice(start, end).replace(/\n/g, ' ');
  const pattern = new RegExp(terms.map(escapeRegExp).sort((a, b) => b.length - a.length).join('|'), 'gi');
  const parts: ExcerptPart[] = [];
  let last = 0;
  for (const match of window.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: window.slice(last, match.index), marked: false });
    parts.push({ text: match[0], marked: true });
    last = match.index + match[0].length;
  }
  if (last < window.length) parts.push({ text: window.slice(last), marked: false });
  if (start > 0) parts.unshift({ text: '…', marked: false });
  if (end < text.length) parts.push({ text: '…', marked: false });
  return parts;
}

/** An element with an id in an indexed page, and the word position where it starts. */
export interface Anchor {
  id: string;
  location: number;
}

/**
 * The anchor of the first figure row a match falls in: a match in the metrics table links to
 * `#drink-cases`, not to the top of the section. `undefined` when no match is in a figure's row.
 */
export function figureAnchorOf(locations: readonly number[], anchors: readonly Anchor[], figureIds: ReadonlySet<string>): string | undefined {
  const sorted = [...anchors].sort((a, b) => a.location - b.location);
  for (const location of [...locations].sort((a, b) => a - b)) {
    const containing = sorted.filter((a) => a.location <= location).at(-1);
    if (containing && figureIds.has(containing.id)) return containing.id;
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
