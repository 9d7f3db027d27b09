/**
 * The readings of the source corrected in issue 11, checked in everything the build publishes:
 * pages, chart captions and tables, data files, search data, JSON-LD and the share images' text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ImageChild } from '@/lib/images/layouts';
import { CACHE_DIR, imageKey } from '@/lib/images/render';
import { shareImagePlan, type ImageEdition } from '@/lib/images/share-images';
import { clausesMissingFrom } from '@/lib/own-words';
import { achievementSchema } from '@/schema/achievement';
import { editionSchema } from '@/schema/edition';
import { csvRecords } from '../support/csv';
import { builtDocument, builtPages, DIST, textAt } from '../support/dist';
import { expectedPublisher } from '../support/publisher';

const EDITION_DIR = new URL('../../content/2022/', import.meta.url);
const read = (path: string) => readFileSync(`${DIST}${path.slice(1)}`, 'utf8');
const caption = (slug: string, chart: string) => textAt(builtDocument(`/2022/${slug}/`), `#chart-${chart} figcaption`);
const row = (slug: string, id: string) => builtDocument(`/2022/${slug}/`).querySelector(`tr#${id}`)!;
const csv = () => csvRecords(read('/2022/data.csv').slice(1));

/** Every text the build publishes, Pagefind's gzipped fragments and index included. */
function publishedTexts(): { file: string; text: string }[] {
  return readdirSync(DIST, { recursive: true, encoding: 'utf8' }).flatMap((file) => {
    const path = join(DIST, file);
    if (/\.(html|json|csv|xml|txt|css|js)$/.test(file)) return [{ file, text: readFileSync(path, 'utf8') }];
    // Pagefind marks its word breaks with zero-width spaces.
    if (/^pagefind\/(fragment|index)\/.*\.pf_/.test(file)) return [{ file, text: gunzipSync(readFileSync(path)).toString('utf8').replaceAll('\u200b', '') }];
    return [];
  });
}

describe('no removed reading is published anywhere', () => {
  const texts = publishedTexts();

  it.each([
    ['the derived difference of a 一度 value', '22.51'],
    ['points computed from the source’s numbers', '个百分点'],
    ['the label of arithmetic', '据原文数字计算'],
    ['the 24小时 metric', '值班制度'],
    ['the 24小时 metric’s anchor', 'duty-hours'],
    ['a 2022年 on cumulative figures', '2022年；单位：人次'],
    ['a 2022年 on muck-truck accidents', '2022年同比'],
    ['the semicolon that set 处罚 apart', '；处罚'],
    ['the SMS figure as part of the reminder service', '短信提示与12123'],
  ])('%s (%s)', (_, removed) => {
    expect(texts.filter(({ text }) => text.includes(removed)).map(({ file }) => file)).toEqual([]);
  });

  it('the Pagefind index was read (its fragments hold the sections’ text)', () => {
    expect(texts.some(({ file, text }) => file.startsWith('pagefind/fragment/') && text.includes('24小时值班'))).toBe(true);
  });
});

describe('24小时值班 is text, not a statistic', () => {
  it('congress-security has no figures: no table, no data rows, no search figures', () => {
    expect(builtDocument('/2022/congress-security/').querySelector('section.metrics')).toBeNull();
    expect(csv().filter((r) => r['篇目'] === 'congress-security')).toEqual([]);
    const documents = JSON.parse(read('/search/sections.json'));
    expect(documents.find((d: { href: string }) => d.href === '/2022/congress-security/').figures).toEqual([]);
  });
});

describe('period words come from the source, never from the edition year', () => {
  it.each([
    ['muck-trucks', 'violations', '全市累计；单位：起'],
    ['civilized-city', 'patrols', '累计；单位：人次'],
    ['service-windows', 'intermediaries', '目前；单位：人'],
    ['drunk-driving', 'violations', '2022年；单位：起'],
    ['muck-trucks', 'accidents', '同比变化幅度，即与上年同期相比'],
  ])('%s #chart-%s says %s', (slug, chart, note) => {
    expect(caption(slug, chart)).toContain(note);
  });

  it('only the figures the source dates by 2022年 carry it in a chart caption', () => {
    const dated = builtPages()
      .filter((path) => /^\/2022\/[a-z-]+\/$/.test(path) && path !== '/2022/full/')
      .flatMap((path) => builtDocument(path).querySelectorAll('figure.chart').filter((f) => textAt(f, 'figcaption').includes('2022年')).map((f) => `${path}#${f.id}`));
    expect(dated).toEqual(['/2022/drunk-driving/#chart-violations']);
  });

  it.each([
    ['muck-trucks', 'muck-cases', '7007起（全市累计）', '全市累计'],
    ['civilized-city', 'dissuaded', '69万余人次（累计）', '累计'],
    ['service-windows', 'criminal-measures', '12人（目前）', '目前'],
    ['service-windows', 'inspected', '35万余辆（累计）', '累计'],
    ['drunk-driving', 'drink-cases', '6862起（2022年）', '2022年'],
    ['muck-trucks', 'muck-accidents', '同比下降18.1%', ''],
  ])('%s #%s is printed %s in the table and the data files', (slug, id, display, period) => {
    expect(textAt(row(slug, id), 'td.figure')).toBe(display);
    const record = csv().find((r) => r['指标编号'] === id && r['篇目'] === slug)!;
    expect([record['网页写法'], record['时间用语']]).toEqual([display, period]);
    const json = JSON.parse(read(`/2022/${slug}/data.json`)).sections[0].metrics.find((m: { id: string }) => m.id === id);
    expect(json.period ?? '').toBe(period);
  });
});

describe('a 一度 value is not a baseline', () => {
  it('the chart says what the source says, in its verbs', () => {
    const figure = builtDocument('/2022/transport-companies/').querySelector('#chart-high-risk')!;
    expect(textAt(figure, '.chart-sentence')).toBe('高风险道路运输企业占比一度达到26.93%，降至4.42%。');
    expect(textAt(builtDocument('/2022/civilized-city/'), '#chart-helmet .chart-sentence')).toBe('城区主干道头盔佩戴率由原来的15%提升至90%以上。');
    expect(textAt(builtDocument('/2022/enforcement-oversight/'), '#chart-answer-rate .chart-sentence')).toBe('语音服务平台人工坐席接通率由年初的不足20%提升到95%以上。');
  });

  it('the data files carry the source’s verbs, not a difference', () => {
    const record = csv().find((r) => r['指标编号'] === 'high-risk-share')!;
    expect([record['前值'], record['前值时点'], record['前值动词'], record['变化用词'], record['网页写法']]).toEqual(['26.93', '一度', '达到', '降至', '4.42%（一度26.93%）']);
  });
});

describe('处罚6.6万余人次 is neither inside nor outside the 其中 group', () => {
  it('no chart draws it', () => {
    const doc = builtDocument('/2022/civilized-city/');
    for (const figure of doc.querySelectorAll('figure.chart')) expect(figure.textContent, figure.id).not.toContain('处罚');
    expect(textAt(doc, '#chart-patrols .chart-sentence')).toBe('累计劝阻不文明交通行为69万余人次，其中劝导不戴头盔45万余人次。');
    expect(caption('civilized-city', 'patrols')).toContain('“其中”一项是总数里原文点名的一类，不是全部。');
  });

  it('its table row keeps the source’s sentence structure and says the source leaves it open', () => {
    const th = row('civilized-city', 'penalized').querySelector('th')!;
    expect(th.textContent).toMatch(/^劝阻不文明交通行为……，其中劝导不戴头盔……，处罚#（原文未说明是否属于“其中”）$/);
    expect(textAt(row('civilized-city', 'penalized'), 'td.figure')).toBe('6.6万余人次');
  });

  it('the data files name neither a total nor a separate figure', () => {
    const record = csv().find((r) => r['指标编号'] === 'penalized')!;
    expect([record['指标'], record['所属指标'], record['接续指标']]).toEqual(['处罚', '', 'dissuaded']);
    const documents = JSON.parse(read('/search/sections.json'));
    const figures = documents.find((d: { href: string }) => d.href === '/2022/civilized-city/').figures;
    expect(figures.find((f: { id: string }) => f.id === 'penalized')).toEqual({ id: 'penalized', label: '劝阻不文明交通行为……，其中劝导不戴头盔……，处罚', value: '6.6万余人次' });
  });
});

describe('the SMS figure keeps its context', () => {
  it('is not charted under the reminder service or the 12123 centre', () => {
    const figure = builtDocument('/2022/enforcement-oversight/').querySelector('#chart-services')!;
    expect(textAt(figure, '.chart-title')).toBe('畅通民意诉求渠道');
    expect(figure.textContent).not.toMatch(/短信|43万余条/);
    expect(row('enforcement-oversight', 'sms').querySelector('th')!.textContent).toMatch(/^对乱停乱放车辆发送短信/);
  });
});

describe('summaries are the sections’ own words', () => {
  it.each(readdirSync(EDITION_DIR).filter((f) => f.endsWith('.mdx')).map((f) => f.replace('.mdx', '')))('/2022/%s/: every clause of the description stands in the text', (slug) => {
    const doc = builtDocument(`/2022/${slug}/`);
    const description = doc.querySelector('meta[name="description"]')!.getAttribute('content')!;
    expect(clausesMissingFrom(description, textAt(doc, '.prose'))).toEqual([]);
  });
});

describe('the /data/ guide', () => {
  it('explains period words, 一度 and figures the source leaves open, beside every new column', () => {
    const page = textAt(builtDocument('/data/'), 'main');
    for (const rule of ['时间用语只在原文这样说时才有', '“一度”不是基数', '原文未说明的不作判断', '时间用语', '接续指标', '前值动词', '变化用词']) expect(page).toContain(rule);
  });
});

describe('JSON-LD names the authors, and no publisher but the one the owners set', () => {
  it('on every page', () => {
    const blocks = builtPages().flatMap((path) => builtDocument(path).querySelectorAll('script[type="application/ld+json"]').map((s) => ({ path, data: JSON.parse(s.textContent) })));
    expect(blocks.length).toBeGreaterThan(10);
    for (const { path, data } of blocks) {
      expect(data.publisher, path).toEqual(expectedPublisher());
      expect(data.author, path).toEqual([{ '@type': 'Person', name: '张浩' }, { '@type': 'Person', name: '刘峰' }]);
    }
  });
});

describe('the share images print the corrected readings', async () => {
  // The plan rebuilt from content/2022; a published PNG is the cached drawing of the plan's tree.
  const edition = editionSchema.parse(parse(readFileSync(new URL('edition.yaml', EDITION_DIR), 'utf8')));
  const achievements = readdirSync(EDITION_DIR)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => achievementSchema.parse(parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(new URL(f, EDITION_DIR), 'utf8'))![1]!)))
    .sort((a, b) => a.order - b.order)
    .map((a) => ({
      ...a,
      href: `/2022/${a.slug}/`,
      headline: a.headlineMetric ? { metric: a.metrics.find((m) => m.id === a.headlineMetric)! } : { text: a.headlineQuote! },
    }));
  const images: ImageEdition = {
    ...edition,
    href: '/2022/',
    achievements,
    keyFigures: edition.keyFigures.map(({ achievement: slug, metric }) => {
      const achievement = achievements.find((a) => a.slug === slug)!;
      return { achievement, metric: achievement.metrics.find((m) => m.id === metric)! };
    }),
  };
  const plan = await shareImagePlan([images], new URL('http://localhost:4321'));
  const lines = (path: string) => leavesOf(plan.get(path)!.tree);

  it('the plan is what the build drew', () => {
    for (const [path, spec] of plan) expect(readFileSync(`${CACHE_DIR}/${imageKey(spec)}.png`).equals(readFileSync(`${DIST}${path.slice(1)}`)), path).toBe(true);
  });

  it('the civilized-city poster never prints a bare 处罚', () => {
    const poster = lines('/2022/civilized-city/poster.png');
    expect(poster).not.toContain('处罚');
    expect(poster).toContain('劝阻不文明交通行为……，其中劝导不戴头盔……，处罚');
    expect(poster).toContain('（累计）');
  });

  it('the enforcement-oversight poster gives the SMS figure its context', () => {
    expect(lines('/2022/enforcement-oversight/poster.png')).toContain('对乱停乱放车辆发送短信');
  });

  it('no image prints a removed reading', () => {
    for (const [path, spec] of plan) expect(leavesOf(spec.tree).join('\n'), path).not.toMatch(/22\.51|百分点|值班制度|2022年累计|2022年同比/);
    expect(lines('/2022/congress-security/poster.png').join('')).toContain('为党的二十大胜利召开创造了安全、有序、畅通的道路交通环境');
  });
});

/** Each string an image prints as its own block. */
function leavesOf(node: ImageChild): string[] {
  if (typeof node === 'string') return [node];
  const children = node.props.children;
  return (Array.isArray(children) ? children : children === undefined ? [] : [children]).flatMap(leavesOf);
}
