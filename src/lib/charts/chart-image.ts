/**
 * The charts drawn as PNGs at build time (/2022/muck-trucks/violations.png), for the places a canvas
 * cannot go: /2022/full/, <noscript>, the feed, print. What to draw is decided here, on the build's
 * main thread; the drawing happens on the image workers (src/lib/images/chart-drawing.ts).
 */
import tokensCss from '../../styles/tokens.css?raw';
import type { Chart } from '../../schema/chart';
import type { Metric } from '../../schema/metric';
import { composedSize } from '../../components/charts/compose';
import { escapeXml } from '../escape';
import { absoluteUrl, chartImagePath } from '../paths';
import { chartConfigFor } from './config';
import { chartBoxHeight, chartMetricsOf, chartPointsOf } from './points';
import { chartSentence } from './sentence';
import { chartThemeFrom, type ChartTheme } from './theme';

/** The width the chart is drawn at, in CSS pixels: a column of the page on a desktop. */
const CHART_WIDTH = 640;
/** Device pixels per CSS pixel: sharp on a phone's screen and in print. */
export const CHART_IMAGE_RATIO = 2;
const CREDIT_LINES = 2;

/** One chart image, everything that decides its pixels but the font (the worker's, see render.ts). */
export interface ChartImageSpec {
  chart: Chart;
  /** The metrics it draws, as the page's <site-chart> gets them. */
  metrics: Metric[];
  theme: Omit<ChartTheme, 'fontFamily'>;
  /** The chart's canvas in CSS pixels, before the title and credit are added. */
  width: number;
  height: number;
  ratio: number;
  /** Under the chart: the edition's source line, then the achievement's address. */
  credit: [source: string, address: string];
}

/** The custom properties of the first `:root { … }` rule: the light scheme, the one printed pages and feeds show. */
export function lightTokens(css: string): Map<string, string> {
  const body = /:root\s*{([^}]*)}/.exec(css)?.[1];
  if (!body) throw new Error('src/styles/tokens.css：找不到 :root 规则，图表图片无法取色');
  return new Map([...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map(([, name, value]) => [name!, value!.trim()]));
}

let printTheme: Omit<ChartTheme, 'fontFamily'> | undefined;

/** The light scheme at the page's default text size, without motion: a PNG is drawn once, for every reader. */
function imageTheme(): Omit<ChartTheme, 'fontFamily'> {
  if (!printTheme) {
    const tokens = lightTokens(tokensCss);
    const { fontFamily: _, ...theme } = chartThemeFrom(
      (name) => {
        const value = tokens.get(name);
        if (value === undefined) throw new Error(`src/styles/tokens.css：:root 中缺少 ${name}，图表图片无法取色`);
        return value;
      },
      { width: CHART_WIDTH, rootFontSize: 16, reducedMotion: true },
    );
    printTheme = theme;
  }
  return printTheme;
}

/** Whether a chart is drawn at all: `figures` sets numbers side by side as text, with no canvas and so no image. */
export function hasChartImage(chart: Chart): boolean {
  return chart.type !== 'figures';
}

/** The chart's canvas in CSS pixels, as the page reserves it (Chart.astro). */
function canvasSize(chart: Chart, achievementMetrics: readonly Metric[]): { width: number; height: number } {
  return { width: CHART_WIDTH, height: chartBoxHeight(chart, chartPointsOf(chart, achievementMetrics).length) };
}

/** The image of one drawn chart of an achievement; `credit` is the edition's source line and the achievement's address. */
export function chartImageSpec(chart: Chart, achievementMetrics: readonly Metric[], credit: ChartImageSpec['credit']): ChartImageSpec {
  if (!hasChartImage(chart)) throw new Error(`图表 “${chart.id}” 是 figures：没有画布，也就没有图片`);
  return { chart, metrics: chartMetricsOf(chart, achievementMetrics), theme: imageTheme(), ...canvasSize(chart, achievementMetrics), ratio: CHART_IMAGE_RATIO, credit };
}

/** The PNG's size in CSS pixels, for an <img>'s width and height (the file has CHART_IMAGE_RATIO times as many pixels). */
export function chartImageSize(chart: Chart, achievementMetrics: readonly Metric[]): { width: number; height: number } {
  return composedSize(canvasSize(chart, achievementMetrics), 1, CREDIT_LINES);
}

/** Every character the image may print, so the font is cut to include them: its words, and the axis's figures and signs. */
export function chartImageText(spec: ChartImageSpec): string {
  const { data, options } = chartConfigFor(spec.chart, spec.metrics, { ...spec.theme, fontFamily: '' });
  const labels = options?.plugins?.valueLabels || undefined;
  const axisTitles = Object.values(options?.scales ?? {}).map((scale) => (scale && 'title' in scale ? String(scale.title?.text ?? '') : ''));
  // Ticks print figures (formatNumber), in the metrics' scale (万), with signs on a change's axis.
  const ticks = ['0123456789.,%+−', ...spec.metrics.map((m) => m.scale ?? '')];
  return [spec.chart.title, ...spec.credit, ...(data.labels ?? []), ...(labels?.values ?? []), ...(labels?.categories ?? []), ...axisTitles, ...ticks].join('');
}

/**
 * An achievement's chart images as HTML for places that take markup but no script or stylesheet (the feed's
 * items): absolute addresses, the chart's sentence as the text, the size so a reader does not jump.
 */
export function chartImagesHtml(achievement: { href: string; metrics: readonly Metric[]; charts: readonly Chart[] }, site: URL | undefined): string {
  return achievement.charts
    .filter(hasChartImage)
    .map((chart) => {
      const { width, height } = chartImageSize(chart, achievement.metrics);
      const src = absoluteUrl(chartImagePath(achievement.href, chart.id), site);
      return `<figure><img src="${escapeXml(src)}" alt="${escapeXml(chartSentence(chart, achievement.metrics))}" width="${width}" height="${height}"></figure>`;
    })
    .join('');
}
