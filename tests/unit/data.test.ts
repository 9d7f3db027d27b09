import { describe, expect, it } from 'vitest';
import { BOM, toCsv } from '@/lib/data/csv';
import { METRIC_FIELDS, ACHIEVEMENT_FIELDS } from '@/lib/data/fields';
import { dataFile, type AchievementInput } from '@/lib/data/records';
import { dataFileSchema, dataJsonSchema } from '@/lib/data/schema';
import type { Metric } from '@/schema/metric';
import { parseCsv } from '../support/csv';

const SITE = new URL('https://news.example/');
const edition = { year: 2022, title: '踔厉奋发保平安 笃行实干护坦途', subtitle: '2022年枣庄公安交警十件实事', byline: ['张浩', '刘峰'], href: '/2022/' };
const helmet: Metric = { id: 'helmet-rate', label: '城区主干道头盔佩戴率', value: 90, unit: '%', qualifier: '以上', kind: 'share', before: { value: 15, label: '原来', to: '提升至' } };
const fall: Metric = { id: 'alcohol-accidents', label: '涉酒事故', value: 33.3, unit: '%', kind: 'change', direction: 'down', basis: '同比' };
// An ASCII quote, a comma, a line break and Chinese quotes: everything RFC 4180 quoting must survive.
const oddLabel = '劝阻, "不文明"\n“交通”行为';
const commaLabel: Metric = { id: 'odd', label: oddLabel, value: 690000, scale: '万', unit: '人次', qualifier: '余', kind: 'count' };
const achievement: AchievementInput = { year: 2022, order: 3, slug: 'civilized-city', kicker: '紧扣中心工作', title: '创城交通秩序整治走在前当先锋', href: '/2022/civilized-city/', metrics: [helmet, fall, commaLabel] };
const data = dataFile(edition, [achievement], SITE);

describe('the data file', () => {
  it('keeps each metric as written and adds how the page prints it and its permanent anchor', () => {
    const [record] = data.sections;
    expect(record!.url).toBe('https://news.example/2022/civilized-city/');
    expect(record!.metrics[0]).toEqual({ ...helmet, display: '90%以上（原来15%）', url: 'https://news.example/2022/civilized-city/#helmet-rate' });
    expect(record!.metrics[1]!.display).toBe('同比下降33.3%');
    expect(record!.metrics[2]!.display).toBe('69万余人次');
    expect(data.recap.source).toBe('来源：《踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事》，作者张浩、刘峰。');
    expect(data.$schema).toBe('https://news.example/data/schema.json');
  });

  it('passes its own schema', () => {
    expect(dataFileSchema.safeParse(JSON.parse(JSON.stringify(data))).success).toBe(true);
  });
});

describe('the CSV', () => {
  const csv = toCsv(data);
  const [header, ...rows] = parseCsv(csv.slice(1));
  const column = (row: string[], name: string) => row[header!.indexOf(name)];

  it('starts with a BOM and ends lines with CRLF, so Excel opens the Chinese', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(5);
  });

  it('has one Chinese-headed row per figure, qualifier and before value in their own columns', () => {
    expect(header).toEqual([...ACHIEVEMENT_FIELDS, ...METRIC_FIELDS].map((f) => f.column));
    expect(rows).toHaveLength(3);
    expect(column(rows[0]!, '数值')).toBe('90');
    expect(column(rows[0]!, '限定词')).toBe('以上');
    expect(column(rows[0]!, '前值')).toBe('15');
    expect(column(rows[0]!, '前值时点')).toBe('原来');
    expect(column(rows[0]!, '网页写法')).toBe('90%以上（原来15%）');
    expect(column(rows[0]!, '链接')).toBe('https://news.example/2022/civilized-city/#helmet-rate');
    expect(column(rows[1]!, '比较基准')).toBe('同比');
    expect(column(rows[1]!, '变化方向')).toBe('down');
    expect(column(rows[1]!, '限定词')).toBe('');
  });

  it('quotes a cell holding a comma, a quote mark or a line break, doubling ASCII quotes (RFC 4180) and keeping Chinese ones', () => {
    expect(csv).toContain(',"劝阻, ""不文明""\n“交通”行为",');
    expect(column(rows[2]!, '指标')).toBe(oddLabel);
    expect(column(rows[2]!, '数值')).toBe('690000');
    expect(column(rows[2]!, '书写单位')).toBe('万');
  });

  // A label alone in its data file, so each character that needs quoting is tried by itself.
  it.each([
    ['an ASCII quote', '劝阻"不文明"行为', '"劝阻""不文明""行为"'],
    ['a comma', '劝阻,处罚', '"劝阻,处罚"'],
    ['a line feed', '劝阻\n处罚', '"劝阻\n处罚"'],
    ['a CRLF', '劝阻\r\n处罚', '"劝阻\r\n处罚"'],
    ['Chinese quotes only (left bare, not doubled)', '“不文明”行为', '“不文明”行为'],
  ])('writes a cell holding %s as RFC 4180 says', (_, label, cell) => {
    const csv = toCsv(dataFile(edition, [{ ...achievement, metrics: [{ ...helmet, label }] }], SITE));
    expect(csv).toContain(`,${cell},`);
    expect(parseCsv(csv.slice(1))[1]).toContain(label);
  });
});

describe('the published JSON Schema', () => {
  const schema = dataJsonSchema('https://news.example/data/schema.json') as any;
  const metric = schema.properties.sections.items.properties.metrics.items;

  it('is draft 2020-12 with its own address', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://news.example/data/schema.json');
  });

  it('describes every metric field in Chinese and closes the qualifier set', () => {
    for (const key of ['id', 'label', 'value', 'qualifier', 'unit', 'scale', 'kind', 'direction', 'basis', 'partOf', 'before', 'display', 'url']) {
      expect(metric.properties[key]?.description, key).toMatch(/\p{Script=Han}/u);
    }
    expect(metric.properties.qualifier.enum).toEqual(['余', '多', '以上', '超过', '不足', '近', '约']);
    expect(metric.required).toEqual(expect.arrayContaining(['id', 'value', 'unit', 'kind', 'display', 'url']));
    expect(metric.additionalProperties).toBe(false);
  });
});
