import type { Metric } from '../../schema/metric';
import { headlineOf, standaloneLabel } from '../metrics/format';
import { authorsOf, editionName, type EditionCredit } from '../source-line';
import { achievementHeading } from '../headings';

/** The achievement as a citation names it: its heading (kicker and title). */
export interface CitedAchievement {
  kicker: string;
  title: string;
}

/** 《踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事》“持续重拳出击 酒驾醉驾整治形成高压严打态势”，作者张浩、刘峰。https://… */
export function achievementCitation(edition: EditionCredit, achievement: CitedAchievement, url: string): string {
  return `${editionName(edition)}“${achievementHeading(achievement)}”，${authorsOf(edition)}。${url}`;
}

/** 《踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事》，作者张浩、刘峰。https://…/2022/ */
export function editionCitation(edition: EditionCredit, url: string): string {
  return `${editionName(edition)}，${authorsOf(edition)}。${url}`;
}

/**
 * A figure with its qualifier and unit, what it counts, and where it stands:
 * 6862起（查处酒驾醉驾违法行为）——《…》“…”，作者张浩、刘峰。https://…/2022/drunk-driving/#drink-cases
 * A before/after rate keeps its earlier value: 90%以上（城区主干道头盔佩戴率，原来15%）.
 */
export function metricCitation(edition: EditionCredit, achievement: CitedAchievement & { metrics: readonly Metric[] }, metric: Metric, achievementUrl: string): string {
  const { figure, context } = headlineOf(metric);
  const label = standaloneLabel(metric, achievement.metrics);
  const what = context ? `${label}，${context}` : label;
  return `${figure}（${what}）——${achievementCitation(edition, achievement, `${achievementUrl}#${metric.id}`)}`;
}
