import type { Metric } from '../../schema/metric';
import { describeMetric, standaloneLabel } from '../metrics/format';
import { plainTextOf } from '../share/plain-text';
import type { SearchDocument } from './document';

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
