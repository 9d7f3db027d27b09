import type { Metric, Qualifier, Unit } from '../../schema/metric';
import { findMetric } from './lookup';

/** A figure as the source writes it: a number, its scale, unit and hedge. */
export interface Figure {
  value: number;
  unit: Unit;
  qualifier?: Qualifier | undefined;
  scale?: '万' | undefined;
}

// 'min2' keeps four-digit counts as the source prints them (7007, not 7,007) and groups larger ones.
const numberFormat = new Intl.NumberFormat('zh-CN', { useGrouping: 'min2', maximumFractionDigits: 4 });

const SCALE_FACTOR = { 万: 10_000 } as const;

/** The number with its scale word: 690000 in 万 is "69万". */
export function formatNumber(value: number, scale?: '万'): string {
  if (!scale) return numberFormat.format(value);
  return numberFormat.format(value / SCALE_FACTOR[scale]) + scale;
}

/** 69万余人次, 3000多人, 90%以上, 不足20%, 近5000人, 超过3万人, 约30%: the qualifier sits where Chinese puts it. */
export function formatFigure({ value, unit, qualifier, scale }: Figure): string {
  const number = formatNumber(value, scale);
  switch (qualifier) {
    case '余':
    case '多':
      return `${number}${qualifier}${unit}`;
    case '以上':
      return `${number}${unit}以上`;
    case '不足':
    case '近':
    case '超过':
    case '约':
      return `${qualifier}${number}${unit}`;
    default:
      return `${number}${unit}`;
  }
}

/** Which of a before/after metric's two figures. */
export type MetricPoint = 'after' | 'before';

/** The figure as the text prints it; for a change, its size (the verb stays in the text). */
export function formatMetric(metric: Metric, at: MetricPoint = 'after'): string {
  if (at === 'before') {
    if (!metric.before) throw new Error(`指标 “${metric.id}” 没有 before，不能显示其前值`);
    return formatFigure({ ...metric.before, unit: metric.unit });
  }
  return formatFigure(metric);
}

/** The verb of a change as the source uses it: 下降 unless the entry says 减少, 上升… */
export function changeVerb(metric: Metric): string {
  return metric.wording ?? (metric.direction === 'up' ? '上升' : '下降');
}

/**
 * The figure as a self-standing phrase for tables, cards and citations:
 * 6862起（2022年）; 同比下降33.3%; 下降66.7% (no 同比 where the source gives no basis); 90%以上（原来15%）.
 */
export function describeMetric(metric: Metric): string {
  const { figure, context } = headlineOf(metric);
  return context ? `${figure}（${context}）` : figure;
}

/**
 * A figure set large with its context set small: 90%以上 over 原来15%; 7007起 over 全市累计 (the
 * source's own period words, only where the source states them); 同比下降33.3% alone.
 */
export function headlineOf(metric: Metric): { figure: string; context?: string } {
  const figure = metric.kind === 'change' ? `${metric.basis ?? ''}${changeVerb(metric)}${formatMetric(metric)}` : formatMetric(metric);
  const context = [metric.before && `${metric.before.label}${formatMetric(metric, 'before')}`, metric.period].filter(Boolean).join('，');
  return context ? { figure, context } : { figure };
}

/** The period the source states for a figure: its own, or for a named kind (partOf) its total's. */
export function periodOf(metric: Metric, metrics: readonly Metric[]): string | undefined {
  return metric.period ?? findMetric(metrics, metric.partOf)?.period;
}

/**
 * What a figure counts, in words that can stand alone on a card, a poster or a citation: its label;
 * for a figure the source lists after a total's 其中 kinds without saying whether it is one of them,
 * that sentence's structure with its commas (劝阻不文明交通行为……，其中劝导不戴头盔……，处罚), so that
 * no reader meets a bare 处罚 and nothing places it inside or outside the 其中 group.
 */
export function standaloneLabel(metric: Metric, metrics: readonly Metric[]): string {
  if (!metric.continues) return metric.label;
  const total = findMetric(metrics, metric.continues);
  const kinds = metrics.filter((m) => m.partOf === metric.continues);
  if (!total || !kinds.length) throw new Error(`指标 “${metric.id}” 的 continues 指向 “${metric.continues}”，它不是带“其中”各项的指标`);
  return `${total.label}……，其中${kinds.map((k) => `${k.label}……`).join('、')}，${metric.label}`;
}
