import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chartSentence } from '@/lib/charts/sentence';
import { achievementSchema } from '@/schema/achievement';
import { DIST, builtDocument, textAt } from '../support/dist';

const EDITION_DIR = new URL('../../content/2022/', import.meta.url);
const entries = readdirSync(EDITION_DIR)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => achievementSchema.parse(parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(new URL(f, EDITION_DIR), 'utf8'))![1]!)));
const declared = entries.flatMap((entry) => entry.charts.map((chart) => ({ slug: entry.slug, id: chart.id, chart, entry })));
const drawn = declared.filter(({ chart }) => chart.type !== 'figures');

/** The scripts a built page loads, by their text. */
function scriptsOf(path: string): string[] {
  return builtDocument(path)
    .querySelectorAll('script[src]')
    .map((s) => readFileSync(`${DIST}${s.getAttribute('src')!.slice(1)}`, 'utf8'));
}

describe('every declared chart is a figure', () => {
  it.each(declared)('$slug #chart-$id has a figcaption with its title', ({ slug, id, chart }) => {
    const figure = builtDocument(`/2022/${slug}/`).querySelector(`figure#chart-${id}`);
    expect(figure).not.toBeNull();
    expect(textAt(figure!, 'figcaption .chart-title')).toBe(chart.title);
  });

  it.each(drawn)('$slug #chart-$id: the sentence printed under the canvas is its only text (the canvas is hidden from screen readers), a table, a download named by the title', ({ slug, id, chart, entry }) => {
    const figure = builtDocument(`/2022/${slug}/`).querySelector(`figure#chart-${id}`)!;
    const sentence = chartSentence(chart, entry.metrics);
    const canvas = figure.querySelector('site-chart canvas')!;
    expect(canvas.getAttribute('aria-hidden')).toBe('true');
    expect(canvas.hasAttribute('role')).toBe(false);
    expect(canvas.hasAttribute('aria-label')).toBe(false);
    expect(textAt(figure, '.chart-sentence')).toBe(sentence);
    expect(figure.querySelector('.chart-download')!.getAttribute('aria-label')).toBe(`下载图片（PNG）：${chart.title}`);
    expect(figure.querySelectorAll('table tbody tr').length).toBe(chart.type === 'before-after' ? 2 : chart.metrics.length);
  });
});

describe('the tables and sentences print the source’s figures, qualifiers included', () => {
  const rowsOf = (slug: string, id: string) =>
    builtDocument(`/2022/${slug}/`)
      .querySelectorAll(`#chart-${id} table tbody tr`)
      .map((tr) => [textAt(tr, 'th'), textAt(tr, 'td')]);

  it.each([
    ['civilized-city', 'helmet', [['原来', '15%'], ['提升至', '90%以上']]],
    ['civilized-city', 'patrols', [['劝阻不文明交通行为', '69万余人次'], ['其中：劝导不戴头盔', '45万余人次']]],
    ['enforcement-oversight', 'answer-rate', [['年初', '不足20%'], ['提升到', '95%以上']]],
    ['transport-companies', 'high-risk', [['一度', '26.93%'], ['降至', '4.42%']]],
    ['muck-trucks', 'violations', [['查处渣土车交通违法行为', '7007起'], ['其中：超载', '4694起'], ['其中：闯红灯', '251起'], ['其中：闯禁区', '34起']]],
    ['drunk-driving', 'accidents', [['涉酒事故', '同比下降33.3%']]],
    ['severe-weather-road', 'double-declines', [['交通拥堵警情数量', '下降66.7%'], ['万车交通事故发生率', '下降64.6%'], ['道路封闭次数', '减少66.7%'], ['交通延误时间', '减少62.5%']]],
  ])('%s #chart-%s', (slug, id, rows) => {
    expect(rowsOf(slug, id)).toEqual(rows);
  });

  it('sets figures in different units side by side, with no canvas', () => {
    const figure = builtDocument('/2022/drunk-driving/').querySelector('#chart-exposure')!;
    expect(figure.querySelector('canvas')).toBeNull();
    expect(figure.querySelectorAll('.chart-figures .figure').map((f) => f.textContent)).toEqual(['902人', '18起']);
    expect(textAt(figure, 'figcaption')).toContain('单位各不相同');
  });

  it('states the basis in the caption: 同比 only where the source says so, with no year the source does not give', () => {
    const muck = textAt(builtDocument('/2022/muck-trucks/'), '#chart-accidents figcaption');
    expect(muck).toContain('同比变化幅度，即与上年同期相比');
    expect(muck).not.toContain('2022年');
    const road = textAt(builtDocument('/2022/severe-weather-road/'), '#chart-double-declines');
    expect(road).not.toContain('同比');
    expect(road).toContain('原文未说明这些变化与何时相比');
  });
});

describe('pages without charts', () => {
  it.each(['congress-security', 'accident-prevention', 'party-building'])('/2022/%s/ sets its headline large and loads no chart code', (slug) => {
    const doc = builtDocument(`/2022/${slug}/`);
    expect(doc.querySelector('site-chart')).toBeNull();
    expect(doc.querySelector('figure.callout')).not.toBeNull();
    expect(scriptsOf(`/2022/${slug}/`).join('')).not.toContain('site-chart');
  });

  it('the callouts carry the headline', () => {
    expect(textAt(builtDocument('/2022/accident-prevention/'), 'figure.callout')).toBe('“四个下降 一个零发生”');
    expect(textAt(builtDocument('/2022/party-building/'), 'figure.callout .figure')).toBe('5个');
  });

  it('a chart page’s script defines <site-chart> and leaves Chart.js to a chunk loaded later', () => {
    const scripts = scriptsOf('/2022/muck-trucks/').join('');
    expect(scripts).toContain('site-chart');
    expect(scripts).toMatch(/import\([^)]*draw-chart\.[\w-]+\.js/);
    // A message only Chart.js itself carries: the library is not in the page's own script.
    expect(scripts).not.toContain('Canvas is already in use');
  });

  it('the chart chunk is imported without module preloads, which WebKit keeps failed after a dropped connection', () => {
    // Vite lists an import's chunks to preload in __vite__mapDeps; src/integrations/no-module-preload.ts.
    expect(scriptsOf('/2022/muck-trucks/').join('')).not.toContain('__vite__mapDeps');
  });
});
