import type { Metric } from '../../schema/metric';
import { formatMetric } from '../metrics/format';
import { metricById } from '../metrics/lookup';

const METRIC_TAG = /<Metric\s+id="([^"]+)"(?:\s+at="(before)")?\s*\/>/g;

/**
 * An entry's MDX body as plain text, figures printed as the page prints them: what a repost carries.
 * Paragraphs are separated by a blank line. Anything but text and <Metric> tags stops the build,
 * so the plain text can never drift from the page.
 */
export function plainTextOf(body: string | undefined, metrics: readonly Metric[], file: string): string {
  if (!body?.trim()) throw new Error(`${file}: 正文为空：转载全文需要正文`);
  const text = body.trim().replace(METRIC_TAG, (_, id: string, at?: 'before') =>
    formatMetric(metricById(metrics, id, { file, field: `<Metric id="${id}"${at ? ` at="${at}"` : ''}>` }), at),
  );
  const markup = /[<>{}*_#`[\]]/.exec(text);
  if (markup) throw new Error(`${file}: 正文含有转载纯文本无法处理的标记 “${markup[0]}”：正文只能是段落文字和 <Metric id="…" />`);
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ''))
    .join('\n\n');
}
