import type { Metric } from '../../schema/metric';
import { headlineOf, standaloneLabel } from '../metrics/format';
import { authorsOf, recapName, type Recap } from '../source-line';

/** The section as a citation names it: its kicker and headline. */
export interface CitedSection {
  kicker: string;
  title: string;
}

/** 《踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事》“持续重拳出击 酒驾醉驾整治形成高压严打态势”，作者张浩、刘峰。https://… */
export function sectionCitation(recap: Recap, section: CitedSection, url: string): string {
  return `${recapName(recap)}“${section.kicker} ${section.title}”，${authorsOf(recap)}。${url}`;
}

/** 《踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事》，作者张浩、刘峰。https://…/2022/ */
export function recapCitation(recap: Recap, url: string): string {
  return `${recapName(recap)}，${authorsOf(recap)}。${url}`;
}

/**
 * A figure with its qualifier and unit, what it counts, and where it stands:
 * 6862起（查处酒驾醉驾违法行为）——《…》“…”，作者张浩、刘峰。https://…/2022/drunk-driving/#drink-cases
 * A before/after rate keeps its earlier value: 90%以上（城区主干道头盔佩戴率，原来15%）.
 */
export function metricCitation(recap: Recap, section: CitedSection & { metrics: readonly Metric[] }, metric: Metric, sectionUrl: string): string {
  const { figure, context } = headlineOf(metric);
  const label = standaloneLabel(metric, section.metrics);
  const what = context ? `${label}，${context}` : label;
  return `${figure}（${what}）——${sectionCitation(recap, section, `${sectionUrl}#${metric.id}`)}`;
}
