import { changeVerb, describeMetric, formatFigure, formatMetric } from '../metrics/format';
import type { Chart } from '../../schema/chart';
import type { Metric } from '../../schema/metric';
import { findMetric } from '../metrics/lookup';

/** One bar of a chart (or one row of its table): what it is, where it ends and how the source prints it. */
export interface ChartPoint {
  /** What the bar is, as printed next to it: 查处渣土车交通违法行为; 其中：超载; 原来 and 提升至 (the source's words). */
  label: string;
  /** Where the bar ends, unscaled; a decline is negative, so it is drawn down from zero. */
  value: number;
  /** The figure as the source prints it, qualifier included: 69万余人次, 不足20%, 同比下降18.1%. */
  text: string;
  /** The source gives only a bound: `lower` for 余, 多, 以上 and 超过 (at least), `upper` for 不足 and 近 (under). */
  bound?: 'lower' | 'upper';
  /** `secondary` for the named kinds among a total and for the earlier point of a before/after rate. */
  tone: 'primary' | 'secondary';
  /** The figure explained for a tooltip: what a qualifier means and what the bar shows. */
  note: string;
}

/** The metrics a chart names, in its order. Unknown ids are rejected by the entry's schema before this runs. */
export function chartMetricsOf(chart: Chart, metrics: readonly Metric[]): Metric[] {
  return chart.metrics.map((id) => {
    const metric = findMetric(metrics, id);
    if (!metric) throw new Error(`图表 “${chart.id}” 指向不存在的指标 “${id}”`);
    return metric;
  });
}

/** The bars of a chart, one per figure it draws. */
export function chartPointsOf(chart: Chart, metrics: readonly Metric[]): ChartPoint[] {
  const shown = chartMetricsOf(chart, metrics);
  if (chart.type === 'before-after') return shown.flatMap(beforeAfterPoints);
  if (chart.type === 'change') return shown.map(changePoint);
  return shown.map(countPoint);
}

/** The chart's numbers as a table: the same labels and printed figures as the bars. */
export function chartTableOf(chart: Chart, metrics: readonly Metric[]): { head: [string, string]; rows: { label: string; text: string }[] } {
  const shown = chartMetricsOf(chart, metrics);
  const head: [string, string] =
    chart.type === 'before-after' ? ['原文说法', shown[0]!.label] : chart.type === 'change' ? ['指标', '变化'] : ['指标', '数量'];
  return { head, rows: chartPointsOf(chart, metrics).map(({ label, text }) => ({ label, text })) };
}

function countPoint(metric: Metric): ChartPoint {
  return {
    label: metric.partOf ? `其中：${metric.label}` : metric.label,
    value: metric.value,
    tone: metric.partOf ? 'secondary' : 'primary',
    ...bounded(metric, formatMetric(metric)),
  };
}

function beforeAfterPoints(metric: Metric): ChartPoint[] {
  // Each point is named in the source's words: 一度 … 降至, 原来 … 提升至, 年初 … 提升到.
  const before = metric.before!;
  return [
    { label: before.label, value: before.value, tone: 'secondary', ...bounded({ ...before, unit: metric.unit }, formatMetric(metric, 'before')) },
    { label: before.to, value: metric.value, tone: 'primary', ...bounded(metric, formatMetric(metric)) },
  ];
}

function changePoint(metric: Metric): ChartPoint {
  const text = describeMetric(metric);
  const basis = metric.basis ? '与上年相比' : '原文未说明与何时相比';
  return {
    label: metric.label,
    value: metric.direction === 'down' ? -metric.value : metric.value,
    text,
    tone: 'primary',
    note: `${text}：${changeVerb(metric)}的幅度（${basis}，原文未给出基数）`,
  };
}

/** The printed figure with what its qualifier means for the bar drawn at the bare number. */
function bounded(figure: Parameters<typeof formatFigure>[0], text: string): Pick<ChartPoint, 'text' | 'bound' | 'note'> {
  const bare = formatFigure({ ...figure, qualifier: undefined });
  switch (figure.qualifier) {
    case '余':
    case '多':
    case '超过':
      return { text, bound: 'lower', note: `${text}：多于${bare}，图中按${bare}画出` };
    case '以上':
      return { text, bound: 'lower', note: `${text}：至少${bare}，图中按${bare}画出` };
    case '不足':
      return { text, bound: 'upper', note: `${text}：低于${bare}，图中按上限${bare}画出（空心柱）` };
    case '近':
      return { text, bound: 'upper', note: `${text}：接近但不到${bare}，图中按上限${bare}画出（空心柱）` };
    case '约':
      return { text, note: `${text}：原文给出的是约数，图中按${bare}画出` };
    default:
      return { text, note: text };
  }
}

/**
 * The height in CSS pixels the page reserves for a chart's canvas (Chart.astro's box): 16rem for a
 * rate's two columns; otherwise 3.5rem a bar and 3.5rem for the axis.
 */
export function chartBoxHeight(chart: Pick<Chart, 'type'>, rows: number): number {
  const rem = 16;
  return chart.type === 'before-after' ? 16 * rem : (rows + 1) * 3.5 * rem;
}
