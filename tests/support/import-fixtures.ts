import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { parse } from 'yaml';
import type { Metric } from '@/schema/metric';

export const SOURCE_ARTICLE = 'tests/fixtures/source/000_797c28bf11e04a8b.txt';
const FIXTURES = 'tests/fixtures/import';

/**
 * The .docx fixture, built as Word would save it: the title in Word's Title style, sections under
 * Heading 2 numbered （一）（二） with a dash between kicker and title. Its expected figures are
 * tests/fixtures/import/docx.expected.json.
 */
export async function docxArticle(): Promise<Buffer> {
  const p = (text: string) => new Paragraph({ text });
  const h = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: '织密安全防护网 守好群众出行路', heading: HeadingLevel.TITLE }),
          p('2033年江城市公安交警工作纪实'),
          p('记者 周平'),
          p('2033年，江城市公安交警支队紧盯群众出行安全，在严管、护航、服务上持续用力。'),
          h('（一）严查重点违法——路面管控效能持续提升'),
          p('2033年，全市查处超速、闯红灯违法行为分别为3.6万起、1.1万起，夜查行动查获酒驾数量同比增长15%。'),
          h('（二）护航电动出行——头盔佩戴蔚然成风'),
          p('电动自行车骑乘人员头盔佩戴率从年初的不足60%提升至92%以上，快处快赔案件占比提升8.5个百分点。'),
          h('（三）助力企业发展——为民服务再提速'),
          p('推出便企措施12项，交通事故经济损失同比减少210万元，全市新增城市停车泊位约5600个，其中公共泊位2100个。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The fixture articles of tests/fixtures/import as files the importer reads (the .docx written to `dir`). */
export async function fixtureArticles(dir: string): Promise<{ name: string; file: string }[]> {
  const docx = join(dir, 'docx.docx');
  writeFileSync(docx, await docxArticle());
  return [
    { name: 'qualifiers', file: join(FIXTURES, 'qualifiers.txt') },
    { name: 'numbered', file: join(FIXTURES, 'numbered.txt') },
    { name: 'docx', file: docx },
    { name: 'varied', file: join(FIXTURES, 'varied.md') },
  ];
}

/** The figure fields the accuracy is measured on (the editor-only fields aside); partOf as the total's figure. */
export type Comparable = Pick<Metric, 'value' | 'scale' | 'unit' | 'qualifier' | 'kind' | 'direction' | 'basis' | 'before'> & { partOf?: string };

export interface Expected {
  title: string;
  subtitle: string;
  byline: string[];
  achievements: { kicker: string; title: string; metrics: Comparable[]; text: string[] }[];
}

export function expectedOf(name: string): Expected {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8'));
}

export function comparable(metric: Metric, metrics: readonly Metric[]): Comparable {
  const total = metric.partOf ? metrics.find((m) => m.id === metric.partOf) : undefined;
  const { value, scale, unit, qualifier, kind, direction, basis, before } = metric;
  return JSON.parse(JSON.stringify({ value, scale, unit, qualifier, kind, direction, basis, before, partOf: total && `${total.value}${total.unit}` }));
}

const key = (c: Comparable) => JSON.stringify(Object.fromEntries(Object.entries(c).sort(([a], [b]) => a.localeCompare(b))));

export interface Score {
  expected: number;
  found: number;
  correct: number;
  differences: string[];
}

/** Figures found against figures expected, achievement by achievement: what matches on every field, and every difference. */
export function score(expected: readonly Comparable[][], found: readonly Comparable[][], names: readonly string[]): Score {
  const result: Score = { expected: 0, found: 0, correct: 0, differences: [] };
  expected.forEach((want, s) => {
    const got = [...(found[s] ?? [])];
    result.expected += want.length;
    result.found += got.length;
    for (const metric of want) {
      const i = got.findIndex((g) => key(g) === key(metric));
      if (i >= 0) {
        result.correct++;
        got.splice(i, 1);
      } else result.differences.push(`${names[s]}：应有 ${key(metric)}，导入结果中没有`);
    }
    for (const extra of got) result.differences.push(`${names[s]}：导入结果多出 ${key(extra)}`);
  });
  return result;
}

/** content/2022 as the editors wrote it: each entry's frontmatter and body, in the article's order. */
export function edition2022(): { file: string; data: Record<string, any>; body: string }[] {
  const dir = 'content/2022';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((file) => {
      const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(join(dir, file), 'utf8'))!;
      return { file, data: parse(front!), body: body! };
    })
    .sort((a, b) => a.data.order - b.data.order);
}
