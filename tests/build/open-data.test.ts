import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { METRIC_FIELDS } from '@/lib/data/fields';
import { dataFileSchema } from '@/lib/data/schema';
import { csvRecords } from '../support/csv';
import { builtDocument, DIST } from '../support/dist';

const EDITION_DIR = new URL('../../content/2022/', import.meta.url);
const entries = readdirSync(EDITION_DIR)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(new URL(f, EDITION_DIR), 'utf8'))![1]!))
  .sort((a, b) => a.order - b.order);
const withFigures = entries.filter((e) => e.metrics?.length);
const read = (path: string) => readFileSync(`${DIST}${path.slice(1)}`, 'utf8');

/** A CSV row turned back into the entry's metric, as an editor would rebuild it from the spreadsheet. */
function metricFromRow(row: Record<string, string>) {
  const metric: Record<string, unknown> = {};
  for (const { key, column } of METRIC_FIELDS) {
    const cell = row[column]!;
    if (cell === '' || key === 'display' || key === 'url') continue;
    const number = ['value', 'before.value'].includes(key);
    const [head, sub] = key.split('.');
    if (sub) metric[head!] = { ...(metric[head!] as object), [sub]: number ? Number(cell) : cell };
    else metric[key] = number ? Number(cell) : cell;
  }
  return metric;
}
const withoutExtras = ({ display: _d, url: _u, ...metric }: Record<string, unknown>) => metric;

describe('open data files', () => {
  it.each(withFigures)('/2022/$slug/data.json holds exactly the entry’s metrics and passes the schema', (entry) => {
    const data = JSON.parse(read(`/2022/${entry.slug}/data.json`));
    expect(dataFileSchema.safeParse(data).success).toBe(true);
    expect(data.sections).toHaveLength(1);
    expect(data.sections[0].metrics.map(withoutExtras)).toEqual(entry.metrics);
    expect(data.sections[0].metrics[0].url).toBe(`http://localhost:4321/2022/${entry.slug}/#${entry.metrics[0].id}`);
  });

  it.each(withFigures)('/2022/$slug/data.csv (UTF-8 with BOM) holds exactly the entry’s metrics', (entry) => {
    const text = read(`/2022/${entry.slug}/data.csv`);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = csvRecords(text.slice(1));
    expect(rows.map(metricFromRow)).toEqual(entry.metrics);
    expect(rows.every((row) => row['篇目'] === entry.slug && row['标题'] === entry.title)).toBe(true);
  });

  it('the edition’s files hold every figure of every section, in the article’s order', () => {
    const all = withFigures.flatMap((e) => e.metrics);
    const json = JSON.parse(read('/2022/data.json'));
    expect(dataFileSchema.safeParse(json).success).toBe(true);
    expect(json.sections.flatMap((s: { metrics: Record<string, unknown>[] }) => s.metrics.map(withoutExtras))).toEqual(all);
    expect(csvRecords(read('/2022/data.csv').slice(1)).map(metricFromRow)).toEqual(all);
  });

  it('prints each figure in the data as the page prints it', () => {
    const rows = csvRecords(read('/2022/data.csv').slice(1));
    const doc = builtDocument('/2022/civilized-city/');
    const helmet = rows.find((r) => r['指标编号'] === 'helmet-rate')!;
    expect(helmet['网页写法']).toBe(doc.querySelector('tr#helmet-rate td.figure')!.textContent);
    expect(rows.find((r) => r['指标编号'] === 'dissuaded')!['限定词']).toBe('余');
  });

  it('publishes the JSON Schema and a /data/ page explaining the qualifiers', () => {
    const schema = JSON.parse(read('/data/schema.json'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('http://localhost:4321/data/schema.json');
    const page = builtDocument('/data/').querySelector('main')!.textContent;
    for (const rule of ['多于', '不少于', '少于', '不是水平']) expect(page).toContain(rule);
  });

  it('links each section’s data from the section', () => {
    for (const entry of withFigures) {
      const links = builtDocument(`/2022/${entry.slug}/`).querySelectorAll('.downloads a').map((a) => a.getAttribute('href'));
      expect(links).toEqual([`/2022/${entry.slug}/data.csv`, `/2022/${entry.slug}/data.json`, '/data/']);
      for (const link of links.slice(0, 2)) expect(existsSync(`${DIST}${link!.slice(1)}`)).toBe(true);
    }
  });
});
