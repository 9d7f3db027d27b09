import { describeMetric, formatMetric, formatNumber } from '../metrics/format';
import type { Chart } from '../../schema/chart';
import type { Metric } from '../../schema/metric';
import { chartMetricsOf } from './points';

/**
 * One Chinese sentence saying what a chart shows, from its metrics, qualifiers included. It is the
 * canvas's aria-label and the line under the chart, so screen readers, print and search get the numbers.
 * Arithmetic appears only where it is exact, and is labelled as derived.
 */
export function chartSentence(chart: Chart, metrics: readonly Metric[]): string {
  const shown = chartMetricsOf(chart, metrics);
  if (chart.type === 'before-after') return `${shown.map(beforeAfterClause).join('；')}。`;
  if (chart.type === 'bar') return `${countClauses(shown)}。`;
  return `${shown.map((m) => `${m.label}${describeMetric(m)}`).join('，')}。`;
}

/** 高风险道路运输企业占比一度为26.93%，降至4.42%，下降22.51个百分点（据原文数字计算） */
function beforeAfterClause(metric: Metric): string {
  const before = metric.before!;
  const rose = metric.value > before.value;
  const earlier = `${before.label}${before.qualifier === '不足' ? '' : '为'}${formatMetric(metric, 'before')}`;
  const clause = `${metric.label}${earlier}，${rose ? '提升' : '降'}至${formatMetric(metric)}`;
  // A difference is exact only when neither point is hedged (不足20% to 95%以上 has no exact difference).
  if (before.qualifier || metric.qualifier) return clause;
  return `${clause}，${rose ? '提升' : '下降'}${formatNumber(pointsBetween(before.value, metric.value))}个百分点（据原文数字计算）`;
}

/** 查处渣土车交通违法行为7007起，其中超载4694起、闯红灯251起、闯禁区34起 */
function countClauses(metrics: Metric[]): string {
  const kindsOf = (total: Metric) => metrics.filter((m) => m.partOf === total.id);
  return metrics
    .filter((m) => !m.partOf || !metrics.some((total) => total.id === m.partOf))
    .map((m) => {
      const kinds = kindsOf(m);
      const own = `${m.label}${formatMetric(m)}`;
      return kinds.length ? `${own}，其中${kinds.map((k) => `${k.label}${formatMetric(k)}`).join('、')}` : own;
    })
    .join('；');
}

/** The difference of two percentages in points, exact to the decimals the source prints. */
function pointsBetween(a: number, b: number): number {
  const decimals = Math.max(...[a, b].map((n) => (String(n).split('.')[1] ?? '').length));
  const scale = 10 ** decimals;
  return Math.abs(Math.round(a * scale) - Math.round(b * scale)) / scale;
}

/**
 * The notes a reader needs to read the chart right, for its caption: the unit and period, what the
 * qualifiers mean for the bars, that named kinds are not the whole, that a change is not a level.
 */
export function chartNotes(chart: Chart, metrics: readonly Metric[], year: number): string[] {
  const shown = chartMetricsOf(chart, metrics);
  const first = shown[0]!;
  const qualifiers = new Set(shown.flatMap((m) => [m.qualifier, m.before?.qualifier]));
  const notes: string[] = [];
  switch (chart.type) {
    case 'bar':
      notes.push(`${year}年；单位：${first.unit}，横轴从零开始。`);
      if (shown.some((m) => m.partOf)) notes.push('“其中”各项是总数里原文点名的几类，并非全部类别，相加不等于总数。');
      break;
    case 'before-after':
      notes.push('单位：%，纵轴从0到100%。');
      break;
    case 'change':
      notes.push(
        first.basis
          ? `${year}年同比变化幅度，即与上年相比；原文未给出上年的数字，图中只画变化，不画数量。`
          : '原文未说明这些变化与何时相比，也未给出基数；图中只画变化幅度，不画数量。',
      );
      break;
    case 'figures':
      if (new Set(shown.map((m) => m.unit)).size > 1) notes.push('单位各不相同，不在同一坐标轴上比较。');
      break;
  }
  const drawn = chart.type !== 'figures';
  if (qualifiers.has('余')) notes.push(`带“余”的数是约数，表示多于该数${drawn ? '，图中按该数画出' : ''}。`);
  if (qualifiers.has('以上')) notes.push(`“以上”表示至少为该数${drawn ? '，图中按该数画出' : ''}。`);
  if (qualifiers.has('不足')) notes.push(`“不足”表示低于该数${drawn ? '，图中按该数画成空心柱，是上限' : ''}。`);
  return notes;
}
