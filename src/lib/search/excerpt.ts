/** A run of an excerpt: plain text, or a matched word to highlight. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/** Where a term occurs in a text: `start` inclusive, `end` exclusive, in UTF-16 units. */
export interface Match {
  start: number;
  end: number;
}

/** Characters of text shown on either side of the centre of the best match. */
const EXCERPT_RADIUS = 54;

/**
 * Every occurrence of the terms in the text, in text order, ignoring case. Where terms overlap the longest
 * wins, so 减量控大 is one match, never 减量 and then 控大.
 */
export function matchesOf(text: string, terms: readonly string[]): Match[] {
  const usable = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length);
  if (usable.length === 0) return [];
  const pattern = new RegExp(usable.map(escapeRegExp).join('|'), 'gi');
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/**
 * A window of the text centred on the best match, every match in it marked; undefined when the text has
 * none. The best match is the one whose window holds the most of the query (the longest distinct terms),
 * the earliest among equals: for a phrase, its first occurrence; for several words, where they meet.
 */
export function excerptOf(text: string, terms: readonly string[]): ExcerptPart[] | undefined {
  const matches = matchesOf(text, terms);
  const best = bestMatch(text, matches);
  if (!best) return undefined;
  const centre = Math.floor((best.start + best.end) / 2);
  const end = Math.min(text.length, Math.max(0, centre - EXCERPT_RADIUS) + EXCERPT_RADIUS * 2);
  const start = Math.max(0, end - EXCERPT_RADIUS * 2);
  const parts: ExcerptPart[] = [];
  let last = start;
  for (const match of matches) {
    const from = Math.max(match.start, start);
    const to = Math.min(match.end, end);
    if (to <= from) continue;
    if (from > last) parts.push({ text: text.slice(last, from), marked: false });
    parts.push({ text: text.slice(from, to), marked: true });
    last = to;
  }
  if (last < end) parts.push({ text: text.slice(last, end), marked: false });
  for (const part of parts) part.text = part.text.replace(/\n+/g, ' ');
  if (start > 0) parts.unshift({ text: '…', marked: false });
  if (end < text.length) parts.push({ text: '…', marked: false });
  return parts;
}

function bestMatch(text: string, matches: readonly Match[]): Match | undefined {
  let best: Match | undefined;
  let bestScore = -1;
  for (const candidate of matches) {
    const centre = (candidate.start + candidate.end) / 2;
    const near = matches.filter((m) => m.start >= centre - EXCERPT_RADIUS && m.end <= centre + EXCERPT_RADIUS);
    const score = [...new Set(near.map((m) => text.slice(m.start, m.end).toLowerCase()))].reduce((sum, term) => sum + term.length, 0);
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  return best;
}

/** A piece of a page's text (one text node) and whether a block (paragraph, cell, heading) starts with it. */
export interface TextPiece {
  text: string;
  startsBlock: boolean;
}

/**
 * The matches of the terms in a page's text, which the page splits over text nodes (a figure inside a
 * sentence is its own element): for each piece, the ranges to mark in it. Pieces of one block are read
 * as one text, so a phrase running through a figure is still found; a phrase never runs across blocks.
 */
export function matchesInPieces(pieces: readonly TextPiece[], terms: readonly string[]): Match[][] {
  const offsets: number[] = [];
  let joined = '';
  for (const [i, piece] of pieces.entries()) {
    // A line break between blocks: no term contains one (queries are normalised to single spaces).
    if (piece.startsBlock && i > 0) joined += '\n';
    offsets.push(joined.length);
    joined += piece.text;
  }
  const found = matchesOf(joined, terms);
  return pieces.map((piece, i) => {
    const from = offsets[i]!;
    const to = from + piece.text.length;
    return found.filter((m) => m.start < to && m.end > from).map((m) => ({ start: Math.max(m.start, from) - from, end: Math.min(m.end, to) - from }));
  });
}

/** An element with an id in an indexed page, and the word position where it starts. */
export interface Anchor {
  id: string;
  location: number;
}

/**
 * The anchor of the first figure row a match falls in: a match in the metrics table links to
 * `#drink-cases`, not to the top of the achievement. `undefined` when no match is in a figure's row.
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
