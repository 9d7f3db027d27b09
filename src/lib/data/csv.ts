import { METRIC_FIELDS, ACHIEVEMENT_FIELDS } from './fields';
import type { DataFile } from './records';

/** The byte-order mark that makes Excel read the file as UTF-8 (otherwise Chinese turns to mojibake). */
export const BOM = '\uFEFF';

/** One row per figure, headed in Chinese; CRLF line ends and RFC 4180 quoting, so Excel and WPS open it as is. */
export function toCsv(data: DataFile): string {
  const header = [...ACHIEVEMENT_FIELDS, ...METRIC_FIELDS].map((field) => field.column);
  const rows = data.sections.flatMap((achievement) =>
    achievement.metrics.map((metric) => [
      ...ACHIEVEMENT_FIELDS.map(({ key }) => valueAt(achievement, key)),
      ...METRIC_FIELDS.map(({ key }) => valueAt(metric, key)),
    ]),
  );
  const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** A field by its dotted key: before.value. */
function valueAt(record: object, key: string): unknown {
  return key.split('.').reduce<unknown>((value, part) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined), record);
}

function csvCell(value: unknown): string {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
