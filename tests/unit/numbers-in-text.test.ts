import { describe, expect, it } from 'vitest';
import { figuresIn, numbersIn } from '@/schema/numbers-in-text';
import { normaliseText, readSourceArticle } from '../support/source';

const kinds = (text: string) => numbersIn(text).map((n) => [n.text, n.kind]);

describe('a figure is a statistic: digits with a measure word or a percentage', () => {
  it.each([
    ['全市累计查处各类渣土车交通违法行为7007起', [['7007起', 'figure']]],
    ['累计劝阻不文明交通行为69万余人次', [['69万余人次', 'figure']]],
    ['发送短信43万余条', [['43万余条', 'figure']]],
    ['由年初的不足20%提升到95%以上', [['20%', 'figure'], ['95%', 'figure']]],
    ['全市高风险道路运输企业占比降至4.42%', [['4.42%', 'figure']]],
    ['全省仅5个单位获此殊荣', [['5个', 'figure']]],
    ['值班24小时。', [['24小时', 'figure']]],
    ['值班24小时以上', [['24小时', 'figure']]],
    ['查处６８６２起', [['６８６２起', 'figure']]],
    ['历时3个月', [['3个', 'figure']]],
    ['3月15日起，查处超速1200辆次', [['3月', 'date'], ['15日', 'date'], ['1200辆次', 'figure']]],
    ['死亡人数3人以上', [['3人', 'figure']]],
  ])('%s', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('treats a number it cannot read as a name or phrase as a figure', () => {
    expect(kinds('共查处6862。')).toEqual([['6862', 'figure']]);
    expect(kinds('共查处6862')).toEqual([['6862', 'figure']]);
  });
});

describe('a number that is part of a name or phrase is not a figure, for a stated reason', () => {
  it.each([
    ['2022年共查处', '2022年', 'year'],
    ['在山东省2022年度道路交通安全工作', '2022年', 'year'],
    ['反复踏勘京台高速K637—K642恶劣天气高影响路段', 'K637', 'code'],
    ['积极探索“1+3+N”党建模式', '1+3+N', 'formula'],
    ['成立12123语音服务中心', '12123语', 'name'],
    ['严格落实24小时值班和“领导双值班”制度', '24小时值', 'duration'],
    ['推行“交管12123”线上办理', '12123”', 'name'],
    ['自3月起开展专项行动', '3月', 'date'],
    ['6月份集中整治', '6月', 'date'],
    ['严防一次死亡3人以上的较大事故', '3人', 'threshold'],
    ['查处超速50%以上的违法行为', '50%', 'threshold'],
    ['城区限速60公里', '60', 'threshold'],
  ])('%s', (text, shown, kind) => {
    const [number] = numbersIn(text);
    expect(number).toMatchObject({ text: shown, kind });
    expect(number!.reason).toMatch(/\p{Script=Han}/u);
    expect(figuresIn(text)).toEqual([]);
  });

  it('reads both markers of a road stretch as codes', () => {
    expect(kinds('K637—K642')).toEqual([['K637', 'code'], ['K642', 'code']]);
  });
});

describe('the source, read by the rule', () => {
  const source = readSourceArticle();
  const texts = [source.lead, ...source.achievements.map((s) => s.text)].map(normaliseText);
  const names = texts.flatMap((text) => numbersIn(text).filter((n) => n.kind !== 'figure').map((n) => `${n.text}:${n.kind}`));

  it('finds exactly these names and phrases among the source’s numbers; every other number is a figure', () => {
    expect([...new Set(names)].sort()).toEqual(['12123语:name', '1+3+N:formula', '2022年:year', '24小时值:duration', 'K637:code', 'K642:code'].sort());
  });
});
