import { matchesInPieces, type TextPiece } from '@/lib/search/excerpt';
import { normaliseQuery } from '@/lib/search/query';

/** Elements whose text starts a new block: a phrase is never marked across two of them. */
const BLOCKS = 'p, li, td, th, caption, figcaption, h1, h2, h3, h4, h5, h6, dt, dd, header, section, figure, div';
/** Text a reader does not see as the achievement's text: hidden aliases, chrome, a canvas's fallback content. */
const SKIPPED = '[hidden], [data-pagefind-ignore], script, style, canvas, svg, mark';

/**
 * On an achievement reached from a result (`?highlight=减量控大`), mark each word searched for exactly as
 * the result asked (see hitHref), across the elements a sentence is made of, then bring the first
 * mark into view unless the link named a place (#drink-cases).
 */
export function markSearchedWords(): void {
  const body = document.querySelector('[data-pagefind-body]');
  const terms = new URLSearchParams(location.search).getAll('highlight').map(normaliseQuery).filter(Boolean);
  if (!body || terms.length === 0) return;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIPPED) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  const pieces: TextPiece[] = [];
  let block: Element | null = null;
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    const own = node.parentElement!.closest(BLOCKS);
    pieces.push({ text: node.data, startsBlock: own !== block });
    nodes.push(node);
    block = own;
  }
  const matches = matchesInPieces(pieces, terms);
  const marks: HTMLElement[] = [];
  nodes.forEach((node, i) => {
    // From the last match back, so the offsets of the earlier ones stay valid as the node splits.
    const inNode = [...matches[i]!].reverse().map((match) => {
      const range = document.createRange();
      range.setStart(node, match.start);
      range.setEnd(node, match.end);
      const mark = document.createElement('mark');
      mark.className = 'search-mark';
      range.surroundContents(mark);
      return mark;
    });
    marks.push(...inNode.reverse());
  });
  if (!location.hash) marks[0]?.scrollIntoView({ block: 'center' });
}
