import type { Metric } from '../../schema/metric';
import { describeMetric } from '../metrics/format';
import { absoluteUrl, DATA_SCHEMA } from '../paths';
import { sourceLine, type EditionCredit } from '../source-line';

/** A metric as published: the entry's fields as written, how the page prints it and its permanent URL. */
export interface MetricRecord extends Metric {
  display: string;
  url: string;
}

export interface AchievementRecord {
  year: number;
  order: number;
  slug: string;
  kicker: string;
  title: string;
  url: string;
  metrics: MetricRecord[];
}

/**
 * The published data file, for one achievement or for the whole edition (same shape, one schema). Its
 * keys `recap` and `sections` predate the code's names (edition, achievement) and stay: readers' scripts
 * and the published JSON Schema depend on them.
 */
export interface DataFile {
  $schema: string;
  recap: { year: number; title: string; subtitle: string; authors: string[]; source: string; url: string };
  sections: AchievementRecord[];
}

/** The fields of an achievement the data files need (an Achievement has them all). */
export interface AchievementInput {
  year: number;
  order: number;
  slug: string;
  kicker: string;
  title: string;
  href: string;
  metrics: readonly Metric[];
}

export interface EditionInput extends EditionCredit {
  year: number;
  href: string;
}

export function achievementRecord(achievement: AchievementInput, site: URL | undefined): AchievementRecord {
  const url = absoluteUrl(achievement.href, site);
  return {
    year: achievement.year,
    order: achievement.order,
    slug: achievement.slug,
    kicker: achievement.kicker,
    title: achievement.title,
    url,
    metrics: achievement.metrics.map((metric) => ({ ...metric, display: describeMetric(metric), url: `${url}#${metric.id}` })),
  };
}

export function dataFile(edition: EditionInput, achievements: readonly AchievementInput[], site: URL | undefined): DataFile {
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
    sections: achievements.map((achievement) => achievementRecord(achievement, site)),
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
