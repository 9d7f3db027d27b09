// What the browser's search reads: kept apart from documents.ts, which builds the documents with
// the metric formatter and the MDX reader, so the search script does not load them.

/** An achievement as the simplified (no-Pagefind) search reads it: /search/sections.json. */
export interface SearchDocument {
  href: string;
  kicker: string;
  title: string;
  summary: string;
  /** The achievement's text with its figures printed as on the page (Achievement.text, the repost text). */
  text: string;
  aliases: string[];
  /** Each figure's label and value as the table prints them, with its anchor id. */
  figures: { id: string; label: string; value: string }[];
  /** The achievement's topics and its edition's year: the filters of /search/, as Pagefind's `tag` and `year`. */
  tags: string[];
  year: number;
}

/** Every word a search document can be found by, for building the traditional-character map. */
export function searchableText(document: SearchDocument): string {
  const { kicker, title, summary, text, aliases, figures } = document;
  return [kicker, title, summary, text, ...aliases, ...figures.flatMap((f) => [f.label, f.value])].join('\n');
}
