import { describe, expect, it } from 'vitest';
import { describeMetric, formatFigure, formatMetric, formatNumber, headlineOf, periodOf, standaloneLabel } from '@/lib/metrics/format';
import type { Metric } from '@/schema/metric';

const metric = (m: Partial<Metric> & Pick<Metric, 'value' | 'unit' | 'kind'>): Metric => ({ id: 'm', label: '指标', ...m });

describe('formatFigure: every kind of figure the source prints', () => {
  it.each([
    [{ value: 690000, scale: '万', qualifier: '余', unit: '人次' }, '69万余人次'],
    [{ value: 450000, scale: '万', qualifier: '余', unit: '人次' }, '45万余人次'],
    [{ value: 66000, scale: '万', qualifier: '余', unit: '人次' }, '6.6万余人次'],
    [{ value: 350000, scale: '万', qualifier: '余', unit: '辆' }, '35万余辆'],
    [{ value: 430000, scale: '万', qualifier: '余', unit: '条' }, '43万余条'],
    [{ value: 34000, scale: '万', qualifier: '余', unit: '个' }, '3.4万余个'],
    [{ value: 200, qualifier: '余', unit: '家' }, '200余家'],
    [{ value: 7007, unit: '起' }, '7007起'],
    [{ value: 6862, unit: '起' }, '6862起'],
    [{ value: 4694, unit: '起' }, '4694起'],
    [{ value: 34, unit: '起' }, '34起'],
    [{ value: 902, unit: '人' }, '902人'],
    [{ value: 33, unit: '名' }, '33名'],
    [{ value: 213, unit: '件' }, '213件'],
    [{ value: 5, unit: '个' }, '5个'],
    [{ value: 90, qualifier: '以上', unit: '%' }, '90%以上'],
    [{ value: 95, qualifier: '以上', unit: '%' }, '95%以上'],
    [{ value: 20, qualifier: '不足', unit: '%' }, '不足20%'],
    [{ value: 26.93, unit: '%' }, '26.93%'],
    [{ value: 4.42, unit: '%' }, '4.42%'],
    [{ value: 18.1, unit: '%' }, '18.1%'],
    [{ value: 62.5, unit: '%' }, '62.5%'],
    // The hedges other articles of this genre use, each where Chinese puts it.
    [{ value: 3000, qualifier: '多', unit: '人' }, '3000多人'],
    [{ value: 12000, scale: '万', qualifier: '多', unit: '辆次' }, '1.2万多辆次'],
    [{ value: 5000, qualifier: '近', unit: '台' }, '近5000台'],
    [{ value: 30000, scale: '万', qualifier: '超过', unit: '人次' }, '超过3万人次'],
    [{ value: 30, qualifier: '约', unit: '%' }, '约30%'],
    [{ value: 1260000, scale: '万', unit: '元' }, '126万元'],
  ] as const)('%o → %s', (figure, expected) => {
    expect(formatFigure(figure)).toBe(expected);
  });

  it('groups digits only from five digits on, as Chinese print does', () => {
    expect(formatNumber(7007)).toBe('7007');
    expect(formatNumber(12345)).toBe('12,345');
  });
});

describe('formatMetric and describeMetric', () => {
  const helmet = metric({ value: 90, qualifier: '以上', unit: '%', kind: 'share', before: { value: 15, label: '原来', to: '提升至' } });
  const answerRate = metric({ value: 95, qualifier: '以上', unit: '%', kind: 'share', before: { value: 20, qualifier: '不足', label: '年初', to: '提升到' } });

  it('prints either point of a before/after rate with its own qualifier', () => {
    expect(formatMetric(helmet)).toBe('90%以上');
    expect(formatMetric(helmet, 'before')).toBe('15%');
    expect(formatMetric(answerRate, 'before')).toBe('不足20%');
    expect(describeMetric(answerRate)).toBe('95%以上（年初不足20%）');
  });

  it('refuses the earlier point of a metric that has none', () => {
    expect(() => formatMetric(metric({ value: 7007, unit: '起', kind: 'count' }), 'before')).toThrow(/before/);
  });

  it('states a change as a change, with the basis only where the source gives one', () => {
    expect(describeMetric(metric({ value: 33.3, unit: '%', kind: 'change', direction: 'down', basis: '同比' }))).toBe('同比下降33.3%');
    expect(describeMetric(metric({ value: 66.7, unit: '%', kind: 'change', direction: 'down' }))).toBe('下降66.7%');
    expect(describeMetric(metric({ value: 62.5, unit: '%', kind: 'change', direction: 'down', wording: '减少' }))).toBe('减少62.5%');
  });
});

describe('the source’s period words', () => {
  const total = metric({ id: 'muck-cases', label: '查处渣土车交通违法行为', value: 7007, unit: '起', kind: 'count', period: '全市累计' });
  const kind = metric({ id: 'overload', label: '超载', value: 4694, unit: '起', kind: 'count', partOf: 'muck-cases' });
  const dated = metric({ id: 'other', label: '涉渣土车事故', value: 18.1, unit: '%', kind: 'change', direction: 'down', basis: '同比' });

  it('stand beside the figure they govern, as the source writes them', () => {
    expect(describeMetric(total)).toBe('7007起（全市累计）');
    expect(headlineOf(total)).toEqual({ figure: '7007起', context: '全市累计' });
    expect(describeMetric(metric({ value: 12, unit: '人', kind: 'count', period: '目前' }))).toBe('12人（目前）');
    expect(describeMetric(metric({ value: 6862, unit: '起', kind: 'count', period: '2022年' }))).toBe('6862起（2022年）');
  });

  it('are never supplied where the source states none', () => {
    expect(describeMetric(dated)).toBe('同比下降18.1%');
    expect(describeMetric(kind)).toBe('4694起');
    expect(periodOf(dated, [total, kind, dated])).toBeUndefined();
  });

  it('are shared by a named kind with its total', () => {
    expect(periodOf(kind, [total, kind])).toBe('全市累计');
  });
});

describe('standaloneLabel: no figure read out of its sentence', () => {
  const dissuaded = metric({ id: 'dissuaded', label: '劝阻不文明交通行为', value: 690000, scale: '万', qualifier: '余', unit: '人次', kind: 'count', period: '累计' });
  const helmet = metric({ id: 'helmet-advised', label: '劝导不戴头盔', value: 450000, scale: '万', qualifier: '余', unit: '人次', kind: 'count', partOf: 'dissuaded' });
  const penalized = metric({ id: 'penalized', label: '处罚', value: 66000, scale: '万', qualifier: '余', unit: '人次', kind: 'count', continues: 'dissuaded' });

  it('keeps the sentence structure, commas included, for a figure the source leaves open', () => {
    expect(standaloneLabel(penalized, [dissuaded, helmet, penalized])).toBe('劝阻不文明交通行为……，其中劝导不戴头盔……，处罚');
  });

  it('is the label itself for every other figure', () => {
    expect(standaloneLabel(helmet, [dissuaded, helmet, penalized])).toBe('劝导不戴头盔');
    expect(standaloneLabel(dissuaded, [dissuaded, helmet, penalized])).toBe('劝阻不文明交通行为');
  });

  it('refuses a continues that names no total with kinds', () => {
    expect(() => standaloneLabel(penalized, [dissuaded, penalized])).toThrow(/continues/);
  });
});
