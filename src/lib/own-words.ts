/**
 * An achievement's summary is the achievement's own words: every clause of it (the words between two of
 * ，。；：！？) appears, unchanged, in the achievement's text. A summary may leave clauses out, never
 * change one: no paraphrase, no words cut from inside a clause, no headline passed off as text.
 */

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）' };

/** ASCII punctuation in its full-width form, as the site prints the source's half-width commas. */
export function fullWidthPunctuation(text: string): string {
  return text.replace(/[,;:!?()]/g, (c) => FULL_WIDTH[c]!);
}

/** The clauses of a summary, split where the source's sentences and clauses break. */
export function clausesOf(summary: string): string[] {
  return fullWidthPunctuation(summary)
    .split(/[，。；：！？]/)
    .map((clause) => clause.trim())
    .filter(Boolean);
}

/** The clauses of a summary that are not, word for word, in the text. */
export function clausesMissingFrom(summary: string, text: string): string[] {
  const own = fullWidthPunctuation(text);
  return clausesOf(summary).filter((clause) => !own.includes(clause));
}
