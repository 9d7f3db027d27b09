/**
 * How well an achievement's text answers a query: 0 when it contains the query as typed (减量控大, or 酒驾 头盔
 * with its space), 1 when it contains every word of a query of several words, 2 otherwise. Pagefind ranks
 * Chinese by the words and characters it segments, so a copied phrase can rank below achievements that only
 * share its characters; these tiers put the achievement that has the phrase first.
 */
export function matchTier(text: string, query: string): 0 | 1 | 2 {
  const haystack = text.toLowerCase();
  const phrase = query.toLowerCase().trim();
  if (phrase && haystack.includes(phrase)) return 0;
  const words = phrase.split(' ').filter(Boolean);
  return words.length > 1 && words.every((word) => haystack.includes(word)) ? 1 : 2;
}

/**
 * The items by tier (see matchTier), each tier in the engine's own order: the same rule for Pagefind's
 * results and the simplified search's, in every edition.
 */
export function rankByMatch<T>(items: readonly T[], textOf: (item: T) => string, query: string): T[] {
  return items
    .map((item, order) => ({ item, order, tier: matchTier(textOf(item), query) }))
    .sort((a, b) => a.tier - b.tier || a.order - b.order)
    .map(({ item }) => item);
}
