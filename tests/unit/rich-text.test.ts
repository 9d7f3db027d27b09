import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { paragraphsOf } from '@/lib/share/plain-text';
import { repostCharts, repostHtml } from '@/lib/share/rich-text';
import type { Chart } from '@/schema/chart';
import type { Metric } from '@/schema/metric';

const edition = { title: '踔厉奋发保平安 笃行实干护坦途', subtitle: '2022年枣庄公安交警十件实事', byline: ['张浩', '刘峰'] };
const SITE = new URL('https://news.example/');
const URL_ = 'https://news.example/2022/muck-trucks/';
const cases: Metric = { id: 'muck-cases', label: '查处渣土车交通违法行为', value: 7007, unit: '起', kind: 'count', period: '全市累计' };
const overload: Metric = { id: 'overload', label: '超载', value: 4694, unit: '起', kind: 'count', partOf: 'muck-cases' };
const dissuaded: Metric = { id: 'dissuaded', label: '劝阻不文明交通行为', value: 690000, scale: '万', unit: '人次', qualifier: '余', kind: 'count' };
const helmet: Metric = { id: 'helmet-rate', label: '城区主干道头盔佩戴率', value: 90, unit: '%', qualifier: '以上', kind: 'share', before: { value: 15, label: '原来', to: '提升至' } };
const metrics = [cases, overload, dissuaded, helmet];
const chart: Chart = { id: 'violations', type: 'bar', metrics: ['muck-cases', 'overload'], title: '查处渣土车交通违法行为及其中几类' };
const body = '全市累计查处<Metric id="muck-cases" />，其中超载<Metric id="overload" />。\n\n劝阻<Metric id="dissuaded" />，佩戴率由<Metric id="helmet-rate" at="before" />提升至<Metric id="helmet-rate" />。';

function pasted(achievement = { kicker: '聚焦群众关切', title: '渣土车交通违法行为得到有效遏制', metrics }) {
  const html = repostHtml(edition, achievement, paragraphsOf(body, metrics, 'x.mdx'), repostCharts([{ path: '/2022/muck-trucks/violations.png', chart, width: 1200, height: 675 }], metrics, SITE), URL_);
  return { html, root: parse(html) };
}

describe('the rich repost for 公众号 editors', () => {
  it('has inline styles only: no class, no <style>, no script, no event handler', () => {
    const { root } = pasted();
    const elements = root.querySelectorAll('*');
    expect(elements.length).toBeGreaterThan(10);
    expect(root.querySelectorAll('style, script, link, iframe')).toHaveLength(0);
    for (const element of elements) {
      expect(Object.keys(element.attributes).filter((name) => name === 'class' || name === 'id' || name.startsWith('on'))).toEqual([]);
      if (!['a', 'br', 'thead', 'tbody', 'tr'].includes(element.tagName.toLowerCase())) expect(element.getAttribute('style'), element.tagName).toBeTruthy();
    }
  });

  it('sets kicker and headline, then the paragraphs with every figure bold, qualifiers and 万 kept', () => {
    const { root } = pasted();
    expect(root.querySelector('h2')?.text).toBe('渣土车交通违法行为得到有效遏制');
    expect(root.querySelector('p')?.text).toBe('聚焦群众关切');
    const paragraphs = root.querySelectorAll('p').filter((p) => p.querySelector('strong'));
    expect(paragraphs.map((p) => p.text)).toEqual(['全市累计查处7007起，其中超载4694起。', '劝阻69万余人次，佩戴率由15%提升至90%以上。']);
    expect(root.querySelectorAll('strong').map((s) => s.text)).toEqual(['7007起', '4694起', '69万余人次', '15%', '90%以上']);
  });

  it('carries the table of figures with each row as the page shows it', () => {
    const rows = pasted().root.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('td').map((td) => td.text.replace('\n', '｜')));
    expect(rows).toEqual([
      ['查处渣土车交通违法行为', '7007起（全市累计）'],
      ['其中：超载｜（“查处渣土车交通违法行为”中的一类）', '4694起'],
      ['劝阻不文明交通行为', '69万余人次'],
      ['城区主干道头盔佩戴率', '90%以上（原来15%）'],
    ]);
  });

  it('shows each chart as its PNG at an absolute URL on SITE_URL, the chart sentence as its text', () => {
    const images = pasted().root.querySelectorAll('img');
    expect(images.map((img) => img.attributes)).toEqual([
      expect.objectContaining({ src: 'https://news.example/2022/muck-trucks/violations.png', alt: '全市累计查处渣土车交通违法行为7007起，其中超载4694起。', width: '1200', height: '675' }),
    ]);
  });

  it('ends with the credit and the permanent link', () => {
    const { root } = pasted();
    const [credit, link] = root.querySelectorAll('p').slice(-2);
    expect(credit?.text).toBe('来源：《踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事》，作者张浩、刘峰。');
    expect(link?.querySelector('a')?.getAttribute('href')).toBe(URL_);
  });

  it('escapes every text, so a heading cannot become markup', () => {
    const { html, root } = pasted({ kicker: '<script>alert(1)</script>', title: '"引号" & <b>', metrics });
    expect(root.querySelectorAll('script, b')).toHaveLength(0);
    expect(root.querySelector('h2')?.text).toBe('"引号" & <b>');
    expect(html).not.toContain('<script>');
  });
});
