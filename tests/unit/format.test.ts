import { describe, expect, it } from 'vitest';
import { describeMetric, formatFigure, formatMetric, formatNumber } from '@/lib/metrics/format';
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
    [{ value: 24, unit: '小时' }, '24小时'],
    [{ value: 90, qualifier: '以上', unit: '%' }, '90%以上'],
    [{ value: 95, qualifier: '以上', unit: '%' }, '95%以上'],
    [{ value: 20, qualifier: '不足', unit: '%' }, '不足20%'],
    [{ value: 26.93, unit: '%' }, '26.93%'],
    [{ value: 4.42, unit: '%' }, '4.42%'],
    [{ value: 18.1, unit: '%' }, '18.1%'],
    [{ value: 62.5, unit: '%' }, '62.5%'],
  ] as const)('%o → %s', (figure, expected) => {
    expect(formatFigure(figure)).toBe(expected);
  });

  it('groups digits only from five digits on, as Chinese print does', () => {
    expect(formatNumber(7007)).toBe('7007');
    expect(formatNumber(12345)).toBe('12,345');
  });
});

describe('formatMetric and describeMetric', () => {
  const helmet = metric({ value: 90, qualifier: '以上', unit: '%', kind: 'share', before: { value: 15, label: '原来' } });
  const answerRate = metric({ value: 95, qualifier: '以上', unit: '%', kind: 'share', before: { value: 20, qualifier: '不足', label: '年初' } });

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
