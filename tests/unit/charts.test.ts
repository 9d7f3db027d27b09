import { embedCredit, embedHeight, embedPath, embedSnippet, linesOf } from '@/lib/charts/embed';
import { readdirSync, readFileSync } from 'node:fs';
import type { TooltipItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chartConfigFor } from '@/lib/charts/config';
import { chartPointsOf, chartTableOf } from '@/lib/charts/points';
import { chartNotes, chartSentence } from '@/lib/charts/sentence';
import { chartThemeFrom, contrastRatio, CHART_TOKENS, type ChartTheme } from '@/lib/charts/theme';
import { clausesMissingFrom } from '@/lib/own-words';
import { achievementSchema, type AchievementData } from '@/schema/achievement';
import type { Chart } from '@/schema/chart';
import type { Metric } from '@/schema/metric';
import { SLUGS } from '../support/achievements';
import { normaliseText, readSourceArticle } from '../support/source';

const source = readSourceArticle();

const EDITION_DIR = new URL('../../content/2022/', import.meta.url);
const entry = (slug: string): AchievementData =>
  achievementSchema.parse(parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(new URL(`${slug}.mdx`, EDITION_DIR), 'utf8'))![1]!));
const chartOf = (slug: string, id: string) => {
  const data = entry(slug);
  return { chart: data.charts.find((c) => c.id === id)!, metrics: data.metrics };
};

const theme: ChartTheme = {
  background: '#ffffff',
  text: '#1b1b1d',
  muted: '#55565b',
  grid: '#d9d4ca',
  primary: '#0072b2',
  secondary: '#c24f00',
  fontFamily: 'sans-serif',
  fontSize: 12,
  animation: true,
};

const configOf = (slug: string, id: string) => {
  const { chart, metrics } = chartOf(slug, id);
  return chartConfigFor(chart, metrics, theme);
};
const tooltipOf = (config: ReturnType<typeof configOf>, index: number) =>
  (config.options!.plugins!.tooltip!.callbacks!.label as (item: TooltipItem<'bar'>) => string)({ dataIndex: index } as TooltipItem<'bar'>);
const tick = (config: ReturnType<typeof configOf>, axis: 'x' | 'y', value: number) =>
  ((config.options!.scales![axis] as { ticks: { callback: (v: number) => string } }).ticks.callback)(value);

describe('sentences say what each chart shows, qualifiers included', () => {
  it.each([
    ['civilized-city', 'helmet', '城区主干道头盔佩戴率由原来的15%提升至90%以上。'],
    ['civilized-city', 'patrols', '累计劝阻不文明交通行为69万余人次，其中劝导不戴头盔45万余人次。'],
    ['muck-trucks', 'violations', '全市累计查处渣土车交通违法行为7007起，其中超载4694起、闯红灯251起、闯禁区34起。'],
    ['muck-trucks', 'accidents', '涉渣土车事故同比下降18.1%。'],
    ['drunk-driving', 'violations', '2022年查处酒驾醉驾违法行为6862起，其中醉驾350起、二次酒驾488起。'],
    ['service-windows', 'intermediaries', '目前对非法中介人员采取刑事强制措施12人，治安拘留5人。'],
    ['transport-companies', 'high-risk', '高风险道路运输企业占比一度达到26.93%，降至4.42%。'],
    ['severe-weather-road', 'double-declines', '交通拥堵警情数量下降66.7%，万车交通事故发生率下降64.6%，道路封闭次数减少66.7%，交通延误时间减少62.5%。'],
    ['enforcement-oversight', 'answer-rate', '语音服务平台人工坐席接通率由年初的不足20%提升到95%以上。'],
  ])('%s %s', (slug, id, sentence) => {
    const { chart, metrics } = chartOf(slug, id);
    expect(chartSentence(chart, metrics)).toBe(sentence);
  });

  it.each([
    ['civilized-city', 'helmet'],
    ['transport-companies', 'high-risk'],
    ['enforcement-oversight', 'answer-rate'],
  ])('%s %s: a rate’s two points in the source’s own verbs, with no arithmetic', (slug, id) => {
    const { chart, metrics } = chartOf(slug, id);
    const sentence = chartSentence(chart, metrics);
    const label = metrics.find((m) => m.id === chart.metrics[0])!.label;
    const sourceText = normaliseText(source.achievements[SLUGS.indexOf(slug)]!.text);
    expect(clausesMissingFrom(sentence.slice(label.length), sourceText)).toEqual([]);
    expect(sentence).not.toMatch(/百分点|计算/);
  });

  it('joins counts with the source’s comma, never a semicolon that would set one apart', () => {
    const total: Metric = { id: 'total', label: '劝阻', value: 690000, scale: '万', unit: '人次', qualifier: '余', kind: 'count', period: '累计' };
    const kind: Metric = { id: 'kind', label: '劝导', value: 450000, scale: '万', unit: '人次', qualifier: '余', kind: 'count', partOf: 'total' };
    const other: Metric = { id: 'other', label: '查处', value: 5, unit: '人次', kind: 'count' };
    const chart: Chart = { id: 'c', type: 'bar', metrics: ['total', 'kind', 'other'], title: '图' };
    expect(chartSentence(chart, [total, kind, other])).toBe('累计劝阻69万余人次，其中劝导45万余人次，查处5人次。');
  });

  it('writes a period word once for clauses that share it, again after a clause without it', () => {
    const count = (id: string, label: string, value: number, period?: string): Metric => ({ id, label, value, unit: '人', kind: 'count', ...(period ? { period } : {}) });
    const chart: Chart = { id: 'c', type: 'bar', metrics: ['a', 'b', 'c', 'd'], title: '图' };
    expect(chartSentence(chart, [count('a', '刑事强制措施', 12, '目前'), count('b', '治安拘留', 5, '目前'), count('c', '约谈', 3), count('d', '处理', 2, '目前')])).toBe(
      '目前刑事强制措施12人，治安拘留5人，约谈3人，目前处理2人。',
    );
  });

  it('gives no 同比 where the source names no comparison', () => {
    const { chart, metrics } = chartOf('severe-weather-road', 'double-declines');
    expect(chartSentence(chart, metrics)).not.toContain('同比');
    expect(chartNotes(chart, metrics).join('')).toContain('原文未说明这些变化与何时相比');
  });
});

describe('caption notes state the period the source states, and only that', () => {
  it.each([
    ['muck-trucks', 'violations', ['全市累计；单位：起，横轴从零开始。', '“其中”各项是总数里原文点名的几类，并非全部类别，相加不等于总数。']],
    ['muck-trucks', 'accidents', ['同比变化幅度，即与上年同期相比；原文未给出上年同期的数字，图中只画变化，不画数量。']],
    ['drunk-driving', 'violations', ['2022年；单位：起，横轴从零开始。', '“其中”各项是总数里原文点名的几类，并非全部类别，相加不等于总数。']],
    ['drunk-driving', 'accidents', ['同比变化幅度，即与上年同期相比；原文未给出上年同期的数字，图中只画变化，不画数量。']],
    ['civilized-city', 'patrols', ['累计；单位：人次，横轴从零开始。', '“其中”一项是总数里原文点名的一类，不是全部。', '带“余”的数是约数，表示多于该数，图中按该数画出。']],
    ['service-windows', 'intermediaries', ['目前；单位：人，横轴从零开始。']],
    ['transport-companies', 'high-risk', ['单位：%，纵轴从0到100%。']],
  ])('%s %s', (slug, id, notes) => {
    const { chart, metrics } = chartOf(slug, id);
    expect(chartNotes(chart, metrics)).toEqual(notes);
  });

  it('names which figures a period word belongs to when it does not cover every bar', () => {
    const total: Metric = { id: 'total', label: '劝阻不文明交通行为', value: 690000, scale: '万', unit: '人次', qualifier: '余', kind: 'count', period: '累计' };
    const other: Metric = { id: 'other', label: '查处', value: 66000, scale: '万', unit: '人次', qualifier: '余', kind: 'count' };
    const chart: Chart = { id: 'c', type: 'bar', metrics: ['total', 'other'], title: '图' };
    expect(chartNotes(chart, [total, other])).toEqual(['原文写明“累计”的是：劝阻不文明交通行为。', '单位：人次，横轴从零开始。', '带“余”的数是约数，表示多于该数，图中按该数画出。']);
  });

  it('never dates a figure by the edition’s year', () => {
    for (const file of readdirSync(EDITION_DIR).filter((f) => f.endsWith('.mdx'))) {
      const data = entry(file.replace('.mdx', ''));
      for (const chart of data.charts) {
        const dated = chart.metrics.some((id) => data.metrics.find((m) => m.id === id)?.period === '2022年');
        expect(chartNotes(chart, data.metrics).join('').includes('2022年'), `${data.slug} ${chart.id}`).toBe(dated);
      }
    }
  });
});

describe('chartConfigFor: honest Chart.js configurations', () => {
  it('draws a rate on a 0–100% axis, its two points labelled with their qualifiers', () => {
    const config = configOf('enforcement-oversight', 'answer-rate');
    expect(config.options!.indexAxis).toBe('x');
    expect(config.options!.scales!.y).toMatchObject({ min: 0, max: 100 });
    expect(config.data.labels).toEqual(['年初', '提升到']);
    expect(config.data.datasets[0]!.data).toEqual([20, 95]);
    expect(config.options!.plugins!.valueLabels).toMatchObject({ values: ['不足20%', '95%以上'] });
    expect(tooltipOf(config, 0)).toBe('不足20%：低于20%，图中按上限20%画出（空心柱）');
    expect(tooltipOf(config, 1)).toBe('95%以上：至少95%，图中按95%画出');
    expect(tick(config, 'y', 50)).toBe('50%');
  });

  it('draws an upper bound as a hollow bar', () => {
    const dataset = configOf('enforcement-oversight', 'answer-rate').data.datasets[0]!;
    expect(dataset.borderWidth).toEqual([2, 0]);
    expect((dataset.backgroundColor as string[])[0]).toMatch(/^rgba\(194, 79, 0, 0\.15\)$/);
  });

  it('draws changes as declines from zero, never as levels, with their basis', () => {
    const config = configOf('severe-weather-road', 'double-declines');
    expect(config.data.datasets[0]!.data).toEqual([-66.7, -64.6, -66.7, -62.5]);
    expect(config.options!.scales!.x).toMatchObject({ min: -100, max: 0 });
    expect(tick(config, 'x', -50)).toBe('−50%');
    expect(tick(config, 'x', 0)).toBe('0');
    expect(config.options!.plugins!.valueLabels).toMatchObject({ values: ['下降66.7%', '下降64.6%', '减少66.7%', '减少62.5%'] });
    expect(tooltipOf(config, 0)).toBe('下降66.7%：下降的幅度（原文未说明与何时相比，原文未给出基数）');
    expect(tooltipOf(configOf('drunk-driving', 'accidents'), 0)).toBe('同比下降33.3%：下降的幅度（与上年相比，原文未给出基数）');
  });

  it('draws named kinds as separate bars marked 其中, never stacked, with no invented remainder', () => {
    const config = configOf('muck-trucks', 'violations');
    expect(config.data.labels).toEqual(['查处渣土车交通违法行为', '其中：超载', '其中：闯红灯', '其中：闯禁区']);
    expect(config.data.datasets).toHaveLength(1);
    expect(config.data.datasets[0]!.data).toEqual([7007, 4694, 251, 34]);
    expect(config.data.datasets[0]!.backgroundColor).toEqual([theme.primary, theme.secondary, theme.secondary, theme.secondary]);
    expect(JSON.stringify(config.options!.scales)).not.toContain('stacked');
    const { chart, metrics } = chartOf('muck-trucks', 'violations');
    expect(chartNotes(chart, metrics)).toContain('“其中”各项是总数里原文点名的几类，并非全部类别，相加不等于总数。');
  });

  it('starts counts at zero and prints ticks in the source’s 万', () => {
    const config = configOf('civilized-city', 'patrols');
    expect(config.options!.scales!.x).toMatchObject({ min: 0, beginAtZero: true });
    expect(tick(config, 'x', 400000)).toBe('40万');
    expect(tick(config, 'x', 0)).toBe('0');
    expect(config.options!.plugins!.valueLabels).toMatchObject({ values: ['69万余人次', '45万余人次'] });
    expect(tooltipOf(config, 0)).toBe('69万余人次：多于69万人次，图中按69万人次画出');
  });

  it('labels bars directly: no legend, names above horizontal bars', () => {
    const config = configOf('drunk-driving', 'violations');
    expect(config.options!.plugins!.legend).toEqual({ display: false });
    expect(config.options!.indexAxis).toBe('y');
    // The names are written above the bars by the plugin, not squeezed beside them as axis ticks.
    expect(config.options!.scales!.y).toMatchObject({ ticks: { display: false } });
    expect(config.options!.plugins!.valueLabels).toMatchObject({ categories: ['查处酒驾醉驾违法行为', '其中：醉驾', '其中：二次酒驾'] });
  });

  it('turns animation off for reduced motion', () => {
    const { chart, metrics } = chartOf('transport-companies', 'high-risk');
    expect(chartConfigFor(chart, metrics, { ...theme, animation: false }).options!.animation).toBe(false);
  });

  it('explains qualifiers without claiming to draw figures that share no axis', () => {
    const { chart, metrics } = chartOf('enforcement-oversight', 'services');
    expect(chartNotes(chart, metrics)).toEqual(['单位各不相同，不在同一坐标轴上比较。', '带“余”的数是约数，表示多于该数。']);
  });

  it('refuses to draw figures that share no axis', () => {
    const { chart, metrics } = chartOf('drunk-driving', 'exposure');
    expect(() => chartConfigFor(chart, metrics, theme)).toThrow(/figures/);
  });
});

describe('tables carry the same numbers as the bars', () => {
  it.each([
    ['civilized-city', 'helmet', ['原文说法', '城区主干道头盔佩戴率'], [['原来', '15%'], ['提升至', '90%以上']]],
    ['transport-companies', 'high-risk', ['原文说法', '高风险道路运输企业占比'], [['一度', '26.93%'], ['降至', '4.42%']]],
    ['muck-trucks', 'accidents', ['指标', '变化'], [['涉渣土车事故', '同比下降18.1%']]],
    ['service-windows', 'intermediaries', ['指标', '数量'], [['对非法中介人员采取刑事强制措施', '12人'], ['治安拘留', '5人']]],
    ['civilized-city', 'patrols', ['指标', '数量'], [['劝阻不文明交通行为', '69万余人次'], ['其中：劝导不戴头盔', '45万余人次']]],
  ])('%s %s', (slug, id, head, rows) => {
    const { chart, metrics } = chartOf(slug, id);
    const table = chartTableOf(chart, metrics);
    expect(table.head).toEqual(head);
    expect(table.rows.map((r) => [r.label, r.text])).toEqual(rows);
    expect(chartPointsOf(chart, metrics).map((p) => p.text)).toEqual(rows.map((r) => r[1]));
  });
});

describe('the chart theme', () => {
  const tokens = readFileSync(new URL('../../src/styles/tokens.css', import.meta.url), 'utf8');
  // tokens.css has four blocks: :root and :root.elder (长辈模式), each again inside the dark-scheme query.
  const blocks = new Map<string, Map<string, string>>();
  for (const [, dark, selector, body] of tokens.matchAll(/(@media \(prefers-color-scheme: dark\)\s*\{\s*)?(:root(?:\.elder)?)\s*\{([^}]*)\}/g)) {
    blocks.set(`${dark ? 'dark ' : ''}${selector}`, new Map([...body!.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()])));
  }
  const cascade = (...names: string[]) => (name: string) => names.reduceRight<string | undefined>((found, block) => found ?? blocks.get(block)?.get(name), undefined) ?? '';
  const light = cascade(':root');
  const dark = (name: string) => blocks.get('dark :root')?.get(name) ?? '';
  const schemes = {
    light,
    dark: cascade(':root', 'dark :root'),
    '长辈模式 light': cascade(':root', ':root.elder'),
    '长辈模式 dark': cascade(':root', 'dark :root', ':root.elder', 'dark :root.elder'),
  };

  it.each(Object.entries(schemes))('in the %s scheme, chart colours stand 3:1 against the page and the figure', (_, read) => {
    const chartTheme = chartThemeFrom(read, { width: 390, rootFontSize: 16, reducedMotion: false });
    for (const colour of [chartTheme.primary, chartTheme.secondary, chartTheme.muted]) {
      for (const background of [read('--color-bg'), read('--color-surface')]) {
        expect(contrastRatio(colour, background), `${colour} on ${background}`).toBeGreaterThanOrEqual(3);
      }
    }
    expect(contrastRatio(chartTheme.text, chartTheme.background)).toBeGreaterThanOrEqual(4.5);
  });

  it('reads every role from a token that tokens.css defines in both schemes (the font stack is shared)', () => {
    for (const token of Object.values(CHART_TOKENS)) expect(light(token), token).not.toBe('');
    const colours = Object.entries(CHART_TOKENS).filter(([role]) => role !== 'font');
    for (const [, token] of colours) expect(dark(token), token).not.toBe('');
  });

  it('on a phone with reduced motion: text at 12px or more, in the page’s CJK font stack, and no animation', () => {
    const phone = chartThemeFrom(light, { width: 390, rootFontSize: 16, reducedMotion: true });
    expect(phone.fontSize).toBeGreaterThanOrEqual(12);
    expect(phone.fontFamily).toContain('Noto Sans CJK SC');
    expect(phone.animation).toBe(false);
  });

  it('grows chart text with the page’s text: 长辈模式 (125%) and a larger browser default, never below 12px', () => {
    const at = (rootFontSize: number, width = 390) => chartThemeFrom(light, { width, rootFontSize, reducedMotion: false }).fontSize;
    expect(at(16)).toBe(12);
    expect(at(20)).toBe(15);
    expect(at(20, 1280)).toBe(16);
    expect(at(24)).toBe(18);
    expect(at(12)).toBe(12);
  });

  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
  });
});

describe('every entry’s charts pass the schema', () => {
  const files = readdirSync(EDITION_DIR).filter((f) => f.endsWith('.mdx'));
  it('sections with comparable figures declare charts; the others none', () => {
    const withCharts = files.filter((f) => entry(f.replace('.mdx', '')).charts.length > 0).map((f) => f.replace('.mdx', ''));
    expect(withCharts.sort()).toEqual(
      ['civilized-city', 'drunk-driving', 'enforcement-oversight', 'muck-trucks', 'service-windows', 'severe-weather-road', 'transport-companies'].sort(),
    );
  });
});

describe('embed code', () => {
  it('is a full-width iframe of the chart’s permanent embed page, titled, with no script or style', () => {
    const url = `https://example.org${embedPath(2022, 'muck-trucks', { id: 'violations' })}`;
    const snippet = embedSnippet({ url, title: '查处渣土车交通违法行为及其中几类', height: 739 });
    expect(url).toBe('https://example.org/embed/2022/muck-trucks/violations/');
    expect(snippet).toBe(
      '<iframe src="https://example.org/embed/2022/muck-trucks/violations/" title="查处渣土车交通违法行为及其中几类" width="100%" height="739" loading="lazy" frameborder="0" referrerpolicy="strict-origin-when-cross-origin"></iframe>',
    );
  });

  it('counts lines as a browser breaks Chinese: between Han characters, never inside a number or before closing punctuation', () => {
    const han = (n: number) => '查处渣土车交通违法行为'.repeat(3).slice(0, n);
    // Ten characters of 13px fill a 130px line; the eleventh wraps.
    expect(linesOf(han(10), 13, 130)).toBe(1);
    expect(linesOf(han(11), 13, 130)).toBe(2);
    // “。” may not start a line: it takes the character before it along, and the next line overflows.
    expect(linesOf(`${han(10)}。${han(9)}`, 13, 130)).toBe(3);
    // A number is not broken: 7007 moves whole to the next line, which then overflows.
    expect(linesOf(`${han(9)}7007${han(8)}`, 13, 130)).toBe(3);
    expect(linesOf('', 13, 130)).toBe(0);
  });

  it('gives the frame the height of everything the embed page shows, so a longer note or credit makes it taller', () => {
    const { chart, metrics } = chartOf('muck-trucks', 'violations');
    const content = {
      chart,
      rows: 4,
      notes: chartNotes(chart, metrics).join(''),
      sentence: chartSentence(chart, metrics),
      figures: [],
      credit: embedCredit({ title: '踔厉奋发保平安 笃行实干护坦途', subtitle: '2022年枣庄公安交警十件实事', byline: ['张浩', '刘峰'] }, entry('muck-trucks')),
    };
    const height = embedHeight(content);
    expect(embedHeight({ ...content, notes: `${content.notes}${content.notes}` })).toBeGreaterThan(height);
    expect(embedHeight({ ...content, credit: { ...content.credit, readMore: content.credit.readMore.repeat(3) } })).toBeGreaterThan(height);
    expect(embedHeight({ ...content, rows: 5 })).toBe(height + 56);
  });

  it('escapes a title that would break out of its attribute', () => {
    expect(embedSnippet({ url: 'https://example.org/e/', title: '"><script>', height: 400 })).toContain('title="&quot;>&lt;script>"');
  });
});
