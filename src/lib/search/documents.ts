import type { Metric } from '../../schema/metric';
import { describeMetric, standaloneLabel } from '../metrics/format';
import type { SearchDocument } from './document';

/** What a search document is built from: an Achievement, without the astro:content types. */
export interface SearchSource {
  href: string;
  kicker: string;
  title: string;
  summary: string;
  aliases: string[];
  tags: string[];
  year: number;
  metrics: Metric[];
  /** The entry's plain text, figures printed as on the page (Achievement.text). */
  text: string;
}

export function searchDocumentOf(source: SearchSource): SearchDocument {
  return {
    href: source.href,
    kicker: source.kicker,
    title: source.title,
    summary: source.summary,
    text: source.text,
    aliases: source.aliases,
    figures: source.metrics.map((metric) => ({ id: metric.id, label: standaloneLabel(metric, source.metrics), value: describeMetric(metric) })),
    tags: source.tags,
    year: source.year,
  };
}
