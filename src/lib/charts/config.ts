import type { ChartConfiguration, ChartOptions, ChartType, TooltipItem } from 'chart.js';
import { formatNumber } from '../metrics/format';
import type { Chart } from '../../schema/chart';
import type { Metric } from '../../schema/metric';
import { chartMetricsOf, chartPointsOf, type ChartPoint } from './points';
import { withAlpha, type ChartTheme } from './theme';

/** What the value-labels plugin (src/components/charts/value-labels.ts) writes beside each bar. */
export interface ValueLabelOptions {
  /** The printed figure at each bar's end: 69万余人次, 不足20%, 同比下降18.1%. */
  values: string[];
  /** Horizontal charts: each bar's name, written above the bar across the full width (no squeezed axis). */
  categories?: string[];
  font: { family: string; size: number };
  color: string;
  /** For a figure that only fits inside its bar: the two text colours to choose from by contrast. */
  inside: [string, string];
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the parameter must match Chart.js's declaration
  interface PluginOptionsByType<TType extends ChartType> {
    valueLabels?: ValueLabelOptions | false;
  }
}

export type BarChartConfig = ChartConfiguration<'bar', number[], string>;
type Scale = NonNullable<NonNullable<ChartOptions<'bar'>['scales']>[string]>;

/**
 * The Chart.js configuration of one chart, from the entry's metrics and the page's theme. Every figure
 * is printed by the metric formatter, qualifier included; rates run 0–100% and counts start at zero;
 * changes are drawn from zero (a decline to the left), never as levels; named kinds are separate bars
 * marked 其中, never stacked into a sum.
 */
export function chartConfigFor(chart: Chart, metrics: readonly Metric[], theme: ChartTheme): BarChartConfig {
  if (chart.type === 'figures') throw new Error(`图表 “${chart.id}” 是 figures：并列数字不画坐标轴`);
  const points = chartPointsOf(chart, metrics);
  const [first] = chartMetricsOf(chart, metrics);
  const horizontal = chart.type !== 'before-after';
  const font = { family: theme.fontFamily, size: theme.fontSize };
  const fill = (point: ChartPoint) => theme[point.tone];
  const valueAxis = valueAxisFor(chart, points, first!, theme, font);

  return {
    type: 'bar',
    data: {
      labels: points.map((p) => p.label),
      datasets: [
        {
          label: chart.title,
          data: points.map((p) => p.value),
          // An upper bound (不足20%) is a hollow bar: the true value is somewhere below its top.
          backgroundColor: points.map((p) => (p.bound === 'upper' ? withAlpha(fill(p), 0.15) : fill(p))),
          borderColor: points.map(fill),
          borderWidth: points.map((p) => (p.bound === 'upper' ? 2 : 0)),
          maxBarThickness: horizontal ? 22 : 72,
          categoryPercentage: horizontal ? 0.5 : 0.6,
        },
      ],
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: theme.animation ? { duration: 600 } : false,
      // Room for the figures written above vertical bars and beside horizontal ones.
      layout: { padding: horizontal ? { top: 4, right: 8 } : { top: theme.fontSize + 10 } },
      plugins: {
        // The bars are named on the chart itself; a legend would only take room on a phone.
        legend: { display: false },
        tooltip: {
          titleFont: font,
          bodyFont: font,
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => points[items[0]?.dataIndex ?? 0]?.label ?? '',
            label: (item: TooltipItem<'bar'>) => points[item.dataIndex]?.note ?? '',
          },
        },
        valueLabels: {
          values: points.map((p) => p.text),
          ...(horizontal ? { categories: points.map((p) => p.label) } : {}),
          font,
          color: theme.text,
          inside: [theme.text, theme.background],
        },
      },
      scales: horizontal
        ? { x: valueAxis, y: { type: 'category', ticks: { display: false }, grid: { display: false }, border: { display: false } } }
        : { x: { type: 'category', ticks: { font, color: theme.text }, grid: { display: false } }, y: valueAxis },
    },
  };
}

function valueAxisFor(chart: Chart, points: ChartPoint[], metric: Metric, theme: ChartTheme, font: { family: string; size: number }): Scale {
  const common = {
    type: 'linear' as const,
    grid: { color: theme.grid },
    border: { color: theme.muted },
  };
  const ticks = { font, color: theme.muted };
  if (chart.type === 'before-after') {
    return { ...common, min: 0, max: 100, ticks: { ...ticks, stepSize: 25, callback: (v) => `${v}%` }, title: axisTitle('比例（%）', theme, font) };
  }
  if (chart.type === 'change') {
    const values = points.map((p) => p.value);
    const min = Math.min(0, ...values) < 0 ? Math.min(-100, ...values) : 0;
    const max = Math.max(0, ...values) > 0 ? Math.max(100, ...values) : 0;
    return {
      ...common,
      min,
      max,
      grid: { color: (context) => (context.tick?.value === 0 ? theme.muted : theme.grid) },
      ticks: { ...ticks, stepSize: 25, callback: (v) => signedPercent(Number(v)) },
      title: axisTitle(metric.basis ? '同比变化幅度（%）' : '变化幅度（%）', theme, font),
    };
  }
  return {
    ...common,
    beginAtZero: true,
    min: 0,
    ticks: { ...ticks, maxTicksLimit: 4, callback: (v) => (Number(v) === 0 ? '0' : formatNumber(Number(v), metric.scale)) },
    title: axisTitle(`单位：${metric.scale ?? ''}${metric.unit}`, theme, font),
  };
}

function axisTitle(text: string, theme: ChartTheme, font: { family: string; size: number }) {
  return { display: true, text, color: theme.muted, font };
}

/** −50%, 0, +25%: a change's axis with its sign (the typographic minus). */
function signedPercent(value: number): string {
  if (value === 0) return '0';
  return `${value < 0 ? '−' : '+'}${formatNumber(Math.abs(value))}%`;
}
