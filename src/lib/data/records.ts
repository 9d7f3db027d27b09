import type { Metric } from '../../schema/metric';
import { describeMetric } from '../metrics/format';
import { absoluteUrl, DATA_SCHEMA } from '../paths';
import { sourceLine, type Recap } from '../source-line';

/** A metric as published: the entry's fields as written, how the page prints it and its permanent URL. */
export interface MetricRecord extends Metric {
  display: string;
  url: string;
}

export interface SectionRecord {
  year: number;
  order: number;
  slug: string;
  kicker: string;
  title: string;
  url: string;
  metrics: MetricRecord[];
}

/** The published data file, for one section or for the whole edition (same shape, one schema). */
export interface DataFile {
  $schema: string;
  recap: { year: number; title: string; subtitle: string; authors: string[]; source: string; url: string };
  sections: SectionRecord[];
}

/** The fields of a section the data files need (an Achievement has them all). */
export interface SectionInput {
  year: number;
  order: number;
  slug: string;
  kicker: string;
  title: string;
  href: string;
  metrics: readonly Metric[];
}

export interface EditionInput extends Recap {
  year: number;
  href: string;
}

export function sectionRecord(section: SectionInput, site: URL | undefined): SectionRecord {
  const url = absoluteUrl(section.href, site);
  return {
    year: section.year,
    order: section.order,
    slug: section.slug,
    kicker: section.kicker,
    title: section.title,
    url,
    metrics: section.metrics.map((metric) => ({ ...metric, display: describeMetric(metric), url: `${url}#${metric.id}` })),
  };
}

export function dataFile(edition: EditionInput, sections: readonly SectionInput[], site: URL | undefined): DataFile {
  return {
    $schema: absoluteUrl(DATA_SCHEMA, site),
    recap: {
      year: edition.year,
      title: edition.title,
      subtitle: edition.subtitle,
      authors: [...edition.byline],
      source: sourceLine(edition),
      url: absoluteUrl(edition.href, site),
    },
    sections: sections.map((section) => sectionRecord(section, site)),
  };
}

/** A published JSON file's text, indented so an editor can read it in a browser. */
export function jsonText(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** A published JSON file. */
export function jsonResponse(data: unknown): Response {
  return new Response(jsonText(data), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
