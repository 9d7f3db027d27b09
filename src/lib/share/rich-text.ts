import type { Chart } from '../../schema/chart';
import type { Metric } from '../../schema/metric';
import { chartSentence } from '../charts/sentence';
import { escapeXml } from '../escape';
import { describeMetric, standaloneLabel } from '../metrics/format';
import { absoluteUrl } from '../paths';
import { sourceLine, type EditionCredit } from '../source-line';
import type { CitedAchievement } from './citation';
import type { Run } from './plain-text';
import { findMetric } from '../metrics/lookup';

/** A chart as a picture in a repost: its PNG at an absolute URL (which prints the chart's title and credit), the chart's sentence as its text. */
export interface RepostChart {
  src: string;
  alt: string;
  width: number;
  height: number;
}

export interface RichAchievement extends CitedAchievement {
  metrics: readonly Metric[];
}

/** A drawn chart's PNG as the build publishes it: its public path and its size in CSS pixels. */
export interface ChartImage {
  path: string;
  chart: Chart;
  width: number;
  height: number;
}

/** An achievement's chart images at absolute URLs on the public site (SITE_URL), each with the chart's sentence as its text. */
export function repostCharts(images: readonly ChartImage[], metrics: readonly Metric[], site: URL | undefined): RepostChart[] {
  return images.map(({ path, chart, width, height }) => ({ src: absoluteUrl(path, site), alt: chartSentence(chart, metrics), width, height }));
}

/*
 * 公众号's editor, 秀米 and 135编辑器 drop classes and <style> on paste and keep inline styles, so
 * every rule a reader should see is written on its element. Colours are the site's light tokens
 * (tokens.css) as plain hex: a pasted article has no custom properties to resolve.
 */
const STYLE = {
  kicker: 'margin:0 0 4px;font-size:15px;font-weight:bold;color:#a3171c;',
  title: 'margin:0 0 16px;font-size:20px;font-weight:bold;line-height:1.4;color:#1b1b1d;',
  paragraph: 'margin:0 0 16px;font-size:16px;line-height:1.75;color:#1b1b1d;',
  figure: 'font-weight:bold;color:#a3171c;',
  chart: 'margin:0 0 16px;text-align:center;',
  image: 'display:block;max-width:100%;height:auto;margin:0 auto;',
  caption: 'margin:8px 0 0;font-size:14px;line-height:1.6;color:#55565b;text-align:left;',
  tableTitle: 'margin:24px 0 8px;font-size:17px;font-weight:bold;color:#1b1b1d;',
  table: 'width:100%;border-collapse:collapse;margin:0 0 16px;font-size:15px;line-height:1.6;',
  cell: 'padding:6px 8px;border-bottom:1px solid #d9d4ca;text-align:left;vertical-align:top;font-weight:normal;color:#1b1b1d;',
  head: 'padding:6px 8px;border-bottom:1px solid #d9d4ca;text-align:left;font-weight:normal;color:#55565b;',
  note: 'font-size:13px;color:#55565b;',
  credit: 'margin:24px 0 4px;font-size:14px;line-height:1.6;color:#55565b;',
  link: 'margin:0;font-size:14px;line-height:1.6;color:#55565b;word-break:break-all;',
} as const;

const tag = (name: string, style: string, inner: string) => `<${name} style="${style}">${inner}</${name}>`;

function paragraph(runs: readonly Run[]): string {
  const inner = runs.map((run) => (run.figure === undefined ? escapeXml(run.text) : tag('strong', STYLE.figure, escapeXml(run.figure)))).join('');
  return tag('p', STYLE.paragraph, inner);
}

function chartFigure(chart: RepostChart): string {
  const image = `<img src="${escapeXml(chart.src)}" alt="${escapeXml(chart.alt)}" width="${chart.width}" height="${chart.height}" style="${STYLE.image}">`;
  return tag('div', STYLE.chart, image + tag('p', STYLE.caption, escapeXml(chart.alt)));
}

/** A row of an achievement's table of figures, as the page's 本节数据 shows it: 其中：超载, its note, 4694起. */
export interface MetricRow {
  label: string;
  note?: string;
  figure: string;
}

/** The rows of an achievement's table of figures, for a repost and a press kit's document. */
export function metricRows(metrics: readonly Metric[]): MetricRow[] {
  const labelOf = (id: string) => findMetric(metrics, id)?.label ?? id;
  return metrics.map((metric) => {
    const label = standaloneLabel(metric, metrics);
    const note = metric.partOf ? `（“${labelOf(metric.partOf)}”中的一类）` : metric.continues ? '（原文未说明是否属于“其中”）' : undefined;
    return { label: metric.partOf ? `其中：${label}` : label, ...(note && { note }), figure: describeMetric(metric) };
  });
}

function metricTable(metrics: readonly Metric[]): string {
  if (!metrics.length) return '';
  const rows = metricRows(metrics).map(({ label, note, figure }) => {
    const name = escapeXml(label) + (note ? `<br>${tag('span', STYLE.note, escapeXml(note))}` : '');
    return `<tr>${tag('td', STYLE.cell, name)}${tag('td', STYLE.cell, escapeXml(figure))}</tr>`;
  });
  const head = `<thead><tr>${tag('th', STYLE.head, '指标')}${tag('th', STYLE.head, '数据')}</tr></thead>`;
  return tag('p', STYLE.tableTitle, '本节数据') + tag('table', STYLE.table, `${head}<tbody>${rows.join('')}</tbody>`);
}

/**
 * An achievement as rich HTML for a 公众号 editor's paste: its heading (kicker and title), the paragraphs with their
 * figures bold, each chart as its PNG, the table of figures, the credit and the permanent link.
 * Inline styles only, every text escaped, nothing of the site around it.
 */
export function repostHtml(edition: EditionCredit, achievement: RichAchievement, paragraphs: readonly (readonly Run[])[], charts: readonly RepostChart[], url: string): string {
  return [
    tag('p', STYLE.kicker, escapeXml(achievement.kicker)),
    tag('h2', STYLE.title, escapeXml(achievement.title)),
    ...paragraphs.map(paragraph),
    ...charts.map(chartFigure),
    metricTable(achievement.metrics),
    tag('p', STYLE.credit, escapeXml(sourceLine(edition))),
    tag('p', STYLE.link, `原文链接：<a href="${escapeXml(url)}">${escapeXml(url)}</a>`),
  ].join('');
}
