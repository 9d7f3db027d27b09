import { describeMetric, formatMetric, periodOf } from '../metrics/format';
import type { Chart } from '../../schema/chart';
import type { Metric } from '../../schema/metric';
import { chartMetricsOf } from './points';

/**
 * One Chinese sentence saying what a chart shows, from its metrics, qualifiers included. It is the
 * canvas's aria-label and the line under the chart, so screen readers, print and search get the numbers.
 * It says what the source says, in the source's verbs and punctuation, and never adds arithmetic.
 */
export function chartSentence(chart: Chart, metrics: readonly Metric[]): string {
  const shown = chartMetricsOf(chart, metrics);
  if (chart.type === 'before-after') return `${shown.map(beforeAfterClause).join('；')}。`;
  if (chart.type === 'bar') return `${countClauses(shown)}。`;
  return `${shown.map((m) => `${m.label}${describeMetric(m)}`).join('，')}。`;
}

/**
 * The source's own wording of a before/after rate: 城区主干道头盔佩戴率由原来的15%提升至90%以上;
 * 高风险道路运输企业占比一度达到26.93%，降至4.42% (an earlier value stated in a clause of its own).
 */
function beforeAfterClause(metric: Metric): string {
  const before = metric.before!;
  const earlier = formatMetric(metric, 'before');
  const later = `${before.to}${formatMetric(metric)}`;
  return before.verb ? `${metric.label}${before.label}${before.verb}${earlier}，${later}` : `${metric.label}由${before.label}的${earlier}${later}`;
}

/**
 * Counts as the source writes them: clauses joined by commas, named kinds after 其中 joined by 、, and
 * the source's period words where it states them: 全市累计查处渣土车交通违法行为7007起，其中超载4694起、
 * 闯红灯251起、闯禁区34起; 目前对非法中介人员采取刑事强制措施12人，治安拘留5人.
 */
function countClauses(metrics: Metric[]): string {
  const kindsOf = (total: Metric) => metrics.filter((m) => m.partOf === total.id);
  let stated: string | undefined;
  return metrics
    .filter((m) => !m.partOf || !metrics.some((total) => total.id === m.partOf))
    .map((m) => {
      // Clauses that share a period word carry it once, as the source writes them (目前…12人，治安拘留5人).
      const period = m.period && m.period !== stated ? m.period : '';
      stated = m.period;
      const kinds = kindsOf(m);
      const own = `${period}${m.label}${formatMetric(m)}`;
      return kinds.length ? `${own}，其中${kinds.map((k) => `${k.label}${formatMetric(k)}`).join('、')}` : own;
    })
    .join('，');
}

/**
 * The notes a reader needs to read the chart right, for its caption: the period the source states
 * for the figures shown (never assumed), the unit, what the qualifiers mean for the bars, that named
 * kinds are not the whole, that a change is not a level.
 */
export function chartNotes(chart: Chart, metrics: readonly Metric[]): string[] {
  const shown = chartMetricsOf(chart, metrics);
  const first = shown[0]!;
  const qualifiers = new Set(shown.flatMap((m) => [m.qualifier, m.before?.qualifier]));
  const { common, stated } = periodsOf(shown, metrics);
  const notes: string[] = chart.type === 'figures' ? [] : stated;
  const lead = common ? `${common}；` : '';
  switch (chart.type) {
    case 'bar': {
      notes.push(`${lead}单位：${first.unit}，横轴从零开始。`);
      const kinds = shown.filter((m) => shown.some((total) => total.id === m.partOf)).length;
      if (kinds === 1) notes.push('“其中”一项是总数里原文点名的一类，不是全部。');
      if (kinds > 1) notes.push('“其中”各项是总数里原文点名的几类，并非全部类别，相加不等于总数。');
      break;
    }
    case 'before-after':
      notes.push(`${lead}单位：%，纵轴从0到100%。`);
      break;
    case 'change':
      notes.push(
        first.basis
          ? `${lead}同比变化幅度，即与上年同期相比；原文未给出上年同期的数字，图中只画变化，不画数量。`
          : `${lead}原文未说明这些变化与何时相比，也未给出基数；图中只画变化幅度，不画数量。`,
      );
      break;
    case 'figures':
      // Each figure prints its own period beside it (describeMetric).
      if (new Set(shown.map((m) => m.unit)).size > 1) notes.push('单位各不相同，不在同一坐标轴上比较。');
      break;
  }
  const drawn = chart.type !== 'figures';
  if (qualifiers.has('余')) notes.push(`带“余”的数是约数，表示多于该数${drawn ? '，图中按该数画出' : ''}。`);
  if (qualifiers.has('以上')) notes.push(`“以上”表示至少为该数${drawn ? '，图中按该数画出' : ''}。`);
  if (qualifiers.has('不足')) notes.push(`“不足”表示低于该数${drawn ? '，图中按该数画成空心柱，是上限' : ''}。`);
  if (qualifiers.has('多')) notes.push(`带“多”的数是约数，表示多于该数${drawn ? '，图中按该数画出' : ''}。`);
  if (qualifiers.has('超过')) notes.push(`“超过”表示多于该数${drawn ? '，图中按该数画出' : ''}。`);
  if (qualifiers.has('近')) notes.push(`“近”表示接近但不到该数${drawn ? '，图中按该数画成空心柱，是上限' : ''}。`);
  if (qualifiers.has('约')) notes.push(`“约”表示该数是约数${drawn ? '，图中按该数画出' : ''}。`);
  return notes;
}

/**
 * The source's period words for a chart's figures: one `common` to every figure shown (a named kind
 * shares its total's), or else, for each period word, the figures it is written with.
 */
function periodsOf(shown: Metric[], metrics: readonly Metric[]): { common?: string; stated: string[] } {
  const periods = shown.map((m) => periodOf(m, metrics));
  const [first] = periods;
  if (first && periods.every((p) => p === first)) return { common: first, stated: [] };
  const words = [...new Set(shown.flatMap((m) => (m.period ? [m.period] : [])))];
  return {
    stated: words.map((word) => `原文写明“${word}”的是：${shown.filter((m) => m.period === word).map((m) => m.label).join('、')}。`),
  };
}
