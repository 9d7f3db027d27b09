import type { Metric } from '../../schema/metric';
import { figuresIn } from '../../schema/numbers-in-text';
import { formatMetric, type MetricPoint } from '../metrics/format';
import { metricById } from '../metrics/lookup';

const METRIC_TAG = /<Metric\s+id="([^"]+)"(?:\s+at="(before)")?\s*\/>/g;

/** A run of a paragraph: the source's words, or one of its figures as the page prints it. */
export type Run = { text: string; figure?: never } | { metric: Metric; at: MetricPoint; figure: string; text?: never };

/**
 * An entry's MDX body as paragraphs of words and figures: what a repost carries, plain or rich.
 * Anything but text and <Metric> tags stops the build, so a repost can never drift from the page;
 * so does a figure typed into the text, which the tables, charts and data files would not know.
 */
export function paragraphsOf(body: string | undefined, metrics: readonly Metric[], file: string): Run[][] {
  if (!body?.trim()) throw new Error(`${file}: 正文为空：转载全文需要正文`);
  return body
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => {
      const source = paragraph.replace(/\s*\n\s*/g, '');
      const runs: Run[] = [];
      let last = 0;
      for (const tag of source.matchAll(METRIC_TAG)) {
        runs.push(...words(source.slice(last, tag.index), file));
        const [, id, before] = tag as unknown as [string, string, 'before' | undefined];
        const at: MetricPoint = before ?? 'after';
        const metric = metricById(metrics, id, { file, field: `<Metric id="${id}"${before ? ` at="${before}"` : ''}>` });
        runs.push({ metric, at, figure: formatMetric(metric, at) });
        last = tag.index + tag[0].length;
      }
      runs.push(...words(source.slice(last), file));
      return runs;
    });
}

function words(text: string, file: string): Run[] {
  const markup = /[<>{}*_#`[\]]/.exec(text);
  if (markup) throw new Error(`${file}: 正文含有转载纯文本无法处理的标记 “${markup[0]}”：正文只能是段落文字和 <Metric id="…" />`);
  const [figure] = figuresIn(text);
  if (figure) {
    throw new Error(`${file}: 正文不能直接写统计数字“${figure.text}”（${figure.reason}）：在 metrics 中加上这个指标，正文写 <Metric id="…" />，表格、图表和数据文件才会一致`);
  }
  return text ? [{ text }] : [];
}

/** A paragraph's runs as the page prints them. */
function textOfRuns(runs: readonly Run[]): string {
  return runs.map((run) => run.figure ?? run.text).join('');
}

/** Paragraphs as plain text, figures printed as the page prints them; paragraphs apart by a blank line. */
export function textOfParagraphs(paragraphs: readonly (readonly Run[])[]): string {
  return paragraphs.map(textOfRuns).join('\n\n');
}
