import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { paragraphsOf } from '@/lib/share/plain-text';
import { kitDocx, zipKit } from '@/lib/share/press-kit';
import type { Metric } from '@/schema/metric';

const edition = { title: '踔厉奋发保平安 笃行实干护坦途', subtitle: '2022年枣庄公安交警十件实事', byline: ['张浩', '刘峰'] };
const dissuaded: Metric = { id: 'dissuaded', label: '劝阻不文明交通行为', value: 690000, scale: '万', unit: '人次', qualifier: '余', kind: 'count' };
const achievement = {
  kicker: '聚焦群众关切',
  title: '文明城市 & <创建>',
  paragraphs: paragraphsOf('劝阻<Metric id="dissuaded" />。', [dissuaded], 'x.mdx'),
  metrics: [dissuaded],
  url: 'https://news.example/2022/civilized-city/',
};

describe('the press kit', () => {
  it('zips its files in one folder, in order, byte-identical when made again later', async () => {
    const files = [
      { name: 'a.txt', data: '正文' },
      { name: 'b.png', data: new Uint8Array([137, 80, 78, 71]) },
    ];
    const first = zipKit('2022-x', files);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(zipKit('2022-x', files)).toEqual(first);
    const unzipped = unzipSync(first);
    expect(Object.keys(unzipped)).toEqual(['2022-x/a.txt', '2022-x/b.png']);
    expect(strFromU8(unzipped['2022-x/a.txt']!)).toBe('正文');
    expect(() => zipKit('k', [files[0]!, files[0]!])).toThrow(/k 中有两个同名文件 a\.txt/);
  });

  it('makes a Word document with the heading, the figures bold, the table and the credit, the same every time', async () => {
    const docx = await kitDocx(edition, [achievement]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await kitDocx(edition, [achievement])).toEqual(docx);
    const files = unzipSync(docx);
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain('聚焦群众关切 文明城市 &amp; &lt;创建&gt;');
    expect(xml).toMatch(/<w:b\/>.*?<w:t[^>]*>69万余人次<\/w:t>/);
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('来源：《踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事》，作者张浩、刘峰。');
    expect(strFromU8(files['docProps/core.xml']!)).not.toMatch(/dcterms:(created|modified)/);
  });
});
