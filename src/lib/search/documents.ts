import type { Metric } from '../../schema/metric';
import { describeMetric, formatMetric, type MetricPoint } from '../metrics/format';
import { metricById } from '../metrics/lookup';

/** A section as the simplified (no-Pagefind) search reads it: /search/sections.json. */
export interface SearchDocument {
  href: string;
  kicker: string;
  title: string;
  summary: string;
  /** The section's text with its figures printed as on the page, one paragraph a line. */
  text: string;
  aliases: string[];
  /** Each figure's label and value as the table prints them, with its anchor id. */
  figures: { id: string; label: string; value: string }[];
}

/** What a search document is built from: an Achievement, without the astro:content types. */
export interface SearchSource {
  file: string;
  href: string;
  kicker: string;
  title: string;
  summary: string;
  aliases: string[];
  metrics: Metric[];
  /** The MDX body as written, with `<Metric id="…" />` where figures stand. */
  body: string;
}

const METRIC_TAG = /<Metric\s+id="([^"]+)"(?:\s+at="([^"]+)")?\s*\/>/g;

/** The MDX body as a reader sees it: each `<Metric>` replaced by its formatted figure. */
export function bodyText({ body, metrics, file }: Pick<SearchSource, 'body' | 'metrics' | 'file'>): string {
  return body
    .replace(METRIC_TAG, (_, id: string, at: string | undefined) => {
      // Named as MetricFigure.astro names it, so the editor reads one message whichever page fails first.
      const field = `<Metric id="${id}"${at ? ` at="${at}"` : ''}>`;
      return formatMetric(metricById(metrics, id, { file, field }), (at ?? 'after') as MetricPoint);
    })
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

export function searchDocumentOf(source: SearchSource): SearchDocument {
  return {
    href: source.href,
    kicker: source.kicker,
    title: source.title,
    summary: source.summary,
    text: bodyText(source),
    aliases: source.aliases,
    figures: source.metrics.map((metric) => ({ id: metric.id, label: metric.label, value: describeMetric(metric) })),
  };
}

/** Every word a search document can be found by, for building the traditional-character map. */
export function searchableText(document: SearchDocument): string {
  const { kicker, title, summary, text, aliases, figures } = document;
  return [kicker, title, summary, text, ...aliases, ...figures.flatMap((f) => [f.label, f.value])].join('\n');
}
