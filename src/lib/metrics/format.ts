import type { Metric, Qualifier, Unit } from '../../schema/metric';

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

/** 69万余人次, 200余家, 90%以上, 不足20%: the qualifier sits where Chinese puts it. */
export function formatFigure({ value, unit, qualifier, scale }: Figure): string {
  const number = formatNumber(value, scale);
  switch (qualifier) {
    case '余':
      return `${number}余${unit}`;
    case '以上':
      return `${number}${unit}以上`;
    case '不足':
      return `不足${number}${unit}`;
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
 * 6862起; 同比下降33.3%; 下降66.7% (no 同比 where the source gives no basis); 90%以上（原来15%）.
 */
export function describeMetric(metric: Metric): string {
  const { figure, context } = headlineOf(metric);
  return context ? `${figure}（${context}）` : figure;
}

/** A figure set large with its context set small: 90%以上 over 原来15%; 同比下降33.3% alone. */
export function headlineOf(metric: Metric): { figure: string; context?: string } {
  if (metric.kind === 'change') return { figure: `${metric.basis ?? ''}${changeVerb(metric)}${formatMetric(metric)}` };
  if (metric.before) return { figure: formatMetric(metric), context: `${metric.before.label}${formatMetric(metric, 'before')}` };
  return { figure: formatMetric(metric) };
}
