// Loaded by <site-chart> only when a chart nears the viewport: Chart.js with just what bar charts use.
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { chartConfigFor } from '@/lib/charts/config';
import { chartThemeFrom, type ChartTheme } from '@/lib/charts/theme';
import type { Chart as ChartSpec } from '@/schema/chart';
import type { Metric } from '@/schema/metric';
import { composeChart, composedSize } from './compose';
import { valueLabels } from './value-labels';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, valueLabels);

/** What the page passes in data-chart: the chart and the metrics it draws. */
export interface ChartData {
  chart: ChartSpec;
  metrics: Metric[];
}

export interface DrawnChart {
  /** The chart as a PNG with a painted background, its title above and where it is from below. */
  png(): Promise<Blob>;
}

const darkScheme = matchMedia('(prefers-color-scheme: dark)');
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

function currentTheme(canvas: HTMLCanvasElement): ChartTheme {
  const style = getComputedStyle(canvas);
  return chartThemeFrom((token) => style.getPropertyValue(token), {
    width: canvas.parentElement?.clientWidth ?? innerWidth,
    rootFontSize: parseFloat(getComputedStyle(document.documentElement).fontSize),
    reducedMotion: reducedMotion.matches,
  });
}

/** Draws the chart, and draws it again in the page's colours and sizes when the reader's scheme or 长辈模式 changes. */
export function drawChart(canvas: HTMLCanvasElement, { chart: spec, metrics }: ChartData): DrawnChart {
  let theme = currentTheme(canvas);
  let chart = new Chart(canvas, chartConfigFor(spec, metrics, theme));
  const redraw = (next = currentTheme(canvas)) => {
    theme = next;
    chart.destroy();
    chart = new Chart(canvas, chartConfigFor(spec, metrics, { ...theme, animation: false }));
  };
  darkScheme.addEventListener('change', () => redraw());
  reducedMotion.addEventListener('change', () => redraw());
  // A class on <html> can change the chart's look: 长辈模式 switches one, and its colours and text size
  // are the chart's too. Comparing the theme redraws for any such class without naming the mode.
  new MutationObserver(() => {
    const next = currentTheme(canvas);
    if (JSON.stringify(next) !== JSON.stringify(theme)) redraw(next);
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return { png: () => composePng(chart, spec.title, theme) };
}

function composePng(chart: Chart, title: string, theme: ChartTheme): Promise<Blob> {
  // A download mid-animation must still show the final bars.
  chart.stop();
  chart.update('none');
  const source = chart.canvas;
  const ratio = source.width / source.clientWidth;
  const credit = [`来源：${location.host}${location.pathname}`];
  const out = document.createElement('canvas');
  Object.assign(out, composedSize(source, ratio, credit.length));
  composeChart(source, ratio, { title, credit }, theme, out);
  return new Promise((resolve, reject) => out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG 生成失败'))), 'image/png'));
}
