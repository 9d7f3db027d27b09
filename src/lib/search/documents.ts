import type { Metric } from '../../schema/metric';
import { describeMetric, standaloneLabel } from '../metrics/format';
import { plainTextOf } from '../share/plain-text';

/** A section as the simplified (no-Pagefind) search reads it: /search/sections.json. */
export interface SearchDocument {
  href: string;
  kicker: string;
  title: string;
  summary: string;
  /** The section's text with its figures printed as on the page (the repost text, see plainTextOf). */
  text: string;
  aliases: string[];
  /** Each figure's label and value as the table prints them, with its anchor id. */
  figures: { id: string; label: string; value: string }[];
  /** The section's topics and its edition's year: the filters of /search/, as Pagefind's `tag` and `year`. */
  tags: string[];
  year: number;
}

/** What a search document is built from: an Achievement, without the astro:content types. */
export interface SearchSource {
  file: string;
  href: string;
  kicker: string;
  title: string;
  summary: string;
  aliases: string[];
  tags: string[];
  year: number;
  metrics: Metric[];
  /** The MDX body as written, with `<Metric id="…" />` where figures stand. */
  body: string;
}

export function searchDocumentOf(source: SearchSource): SearchDocument {
  return {
    href: source.href,
    kicker: source.kicker,
    title: source.title,
    summary: source.summary,
    text: plainTextOf(source.body, source.metrics, source.file),
    aliases: source.aliases,
    figures: source.metrics.map((metric) => ({ id: metric.id, label: standaloneLabel(metric, source.metrics), value: describeMetric(metric) })),
    tags: source.tags,
    year: source.year,
  };
}

/** Every word a search document can be found by, for building the traditional-character map. */
export function searchableText(document: SearchDocument): string {
  const { kicker, title, summary, text, aliases, figures } = document;
  return [kicker, title, summary, text, ...aliases, ...figures.flatMap((f) => [f.label, f.value])].join('\n');
}
