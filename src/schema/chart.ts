import { z } from 'astro/zod';
import { figureFreeText } from './figure-free';
import type { Metric } from './metric';

/**
 * How a chart draws its metrics. Each type fits one kind of figure, so a chart cannot draw
 * figures it has no honest way to compare (the entry's schema checks the metrics against the type):
 * - `bar`: counts in one unit, as bars from zero (named kinds marked 其中, never stacked into a sum);
 * - `before-after`: a rate's two points (原来15% → 90%以上) on a 0–100% axis;
 * - `change`: rises or falls drawn as changes from zero, never as levels (the source gives no baselines);
 * - `figures`: figures in different units set side by side, large, with no shared axis.
 */
export const chartTypeSchema = z.enum(['bar', 'before-after', 'change', 'figures'], {
  error: 'type 只能是 bar、before-after、change 或 figures',
});
export type ChartType = z.infer<typeof chartTypeSchema>;

/** One chart of an entry, drawn from the entry's own metrics. */
export const chartSchema = z
  .object({
    /** Unique in the entry; the figure's anchor (/2022/muck-trucks/#chart-cases) and embed name. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'id 只能用小写字母、数字和连字符' }),
    type: chartTypeSchema,
    /** The ids of the entry's metrics it shows, in the order drawn. */
    metrics: z
      .array(z.string().min(1))
      .min(1, { error: 'metrics 至少一个指标' })
      .max(6, { error: 'metrics 最多六个指标：更多的数字请分成几张图' }),
    /** The figure's title, in the source's words. */
    title: figureFreeText('title'),
    /** A note under the title, e.g. what the figures cover; figures come from metrics, never typed here. */
    caption: figureFreeText('caption').optional(),
  })
  .strict();

export type Chart = z.infer<typeof chartSchema>;

/** A problem with an entry's charts, at the field path an editor can find: charts.0.metrics.1. */
export interface ChartProblem {
  path: (string | number)[];
  message: string;
}

/**
 * What the entry's charts get wrong: a metric id the entry lacks, a chart id used twice, or metrics a
 * chart of that type cannot honestly draw together (人 and 起 on one axis, a change drawn as a level).
 */
export function chartProblems(charts: readonly Chart[], metrics: readonly Metric[]): ChartProblem[] {
  const problems: ChartProblem[] = [];
  const chartIds = new Set<string>();
  charts.forEach((chart, c) => {
    if (chartIds.has(chart.id)) problems.push({ path: ['charts', c, 'id'], message: `charts 中 id “${chart.id}” 重复` });
    chartIds.add(chart.id);
    const shown: Metric[] = [];
    chart.metrics.forEach((id, m) => {
      const metric = metrics.find((candidate) => candidate.id === id);
      if (!metric) problems.push({ path: ['charts', c, 'metrics', m], message: `charts 指向不存在的指标 “${id}”` });
      else if (shown.includes(metric)) problems.push({ path: ['charts', c, 'metrics', m], message: `指标 “${id}” 在同一张图中出现两次` });
      else shown.push(metric);
    });
    if (shown.length === chart.metrics.length) {
      const problem = mismatch(chart.type, shown);
      if (problem) problems.push({ path: ['charts', c, 'type'], message: `charts.${c}（${chart.id}）：${problem}` });
    }
  });
  return problems;
}

function mismatch(type: ChartType, metrics: Metric[]): string | undefined {
  const open = metrics.find((m) => m.continues);
  if (open) return `指标 “${open.id}” 带 continues：原文未说明它是否属于“其中”，图表会把它画在“其中”之内或之外；请只在正文和数据表中列出`;
  const units = new Set(metrics.map((m) => `${m.scale ?? ''}${m.unit}`));
  switch (type) {
    case 'bar':
      if (metrics.some((m) => m.kind !== 'count')) return 'bar 只画 kind: count 的数量；比例用 before-after，变化用 change';
      if (units.size > 1) return `bar 的指标单位必须相同（现有 ${[...units].join('、')}）：不同单位不能共用一根坐标轴，请用 figures 并列或分成几张图`;
      if (metrics.length < 2) return 'bar 至少要有两个可比的数量；单个数字用 figures';
      return undefined;
    case 'before-after':
      if (metrics.length > 1) return 'before-after 只画一个比例的前后两点；几个比例请分成几张图';
      if (metrics.some((m) => m.kind !== 'share' || !m.before)) return 'before-after 只画带 before 的比例（kind: share）';
      return undefined;
    case 'change':
      if (metrics.some((m) => m.kind !== 'change')) return 'change 只画 kind: change 的变化幅度：变化不是水平，不能与数量或比例同画';
      if (new Set(metrics.map((m) => m.basis ?? '')).size > 1) return 'change 的指标比较基期必须相同：同比与未说明基期的变化不能同画';
      return undefined;
    case 'figures':
      return undefined;
  }
}
