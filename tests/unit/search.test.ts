import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { searchDocumentOf, searchableText, type SearchSource } from '@/lib/search/documents';
import { excerptOf, figureAnchorOf, type ExcerptPart } from '@/lib/search/excerpt';
import { substringSearch } from '@/lib/search/fallback';
import { hitFromPagefind, shownText, type PagefindResultData } from '@/lib/search/hit';
import { resultCountMessage } from '@/lib/search/messages';
import { normaliseQuery, queryTerms, toSimplified, traditionalMapFor } from '@/lib/search/query';
import { achievementSchema } from '@/schema/achievement';
import type { Metric } from '@/schema/metric';

const marked = (parts: ExcerptPart[] | undefined) => parts?.map((p) => (p.marked ? `[${p.text}]` : p.text)).join('');

const drinkCases: Metric = { id: 'drink-cases', label: '查处酒驾醉驾违法行为', value: 6862, unit: '起', kind: 'count' };
const helmetRate: Metric = { id: 'helmet-rate', label: '城区主干道头盔佩戴率', value: 90, unit: '%', qualifier: '以上', kind: 'share', before: { value: 15, label: '原来', to: '提升至' } };
const source = (over: Partial<SearchSource>): SearchSource => ({
  file: 'content/2022/x.mdx',
  href: '/2022/x/',
  kicker: '持续重拳出击',
  title: '酒驾醉驾整治形成高压严打态势',
  summary: '营造了人人抵制酒醉驾的浓厚氛围。',
  aliases: [],
  metrics: [drinkCases],
  body: '2022年共查处酒驾醉驾违法行为<Metric id="drink-cases" />。',
  ...over,
});

describe('the query', () => {
  it.each([
    ['  酒驾   醉驾 ', '酒驾 醉驾'],
    ['１２１２３', '12123'],
    ['Ｋ637', 'K637'],
    ['酒'.repeat(100), '酒'.repeat(64)],
  ])('normaliseQuery(%j) is %j', (raw, query) => expect(normaliseQuery(raw)).toBe(query));

  it('simplifies only the characters the map knows', () => {
    expect(toSimplified('醉駕 頭盔 12123', { 駕: '驾', 頭: '头' })).toBe('醉驾 头盔 12123');
  });

  it('keeps in the map only characters that become one the index uses', () => {
    const convert = (c: string) => ({ 駕: '驾', 頭: '头', 龜: '龟', 著: '著' })[c] ?? c;
    expect(traditionalMapFor('醉驾头盔', ['駕', '頭', '龜', '著', '酒'], convert)).toEqual({ 駕: '驾', 頭: '头' });
  });

  it('gives the words to highlight: each part of the query and its words, longest first', () => {
    const terms = queryTerms('头盔佩戴 12123');
    expect(terms.slice(0, 2)).toEqual(['12123', '头盔佩戴']);
    expect(terms).toContain('头盔');
  });
});

describe('excerpts', () => {
  it('marks every match in a window around the first', () => {
    expect(marked(excerptOf('城区主干道头盔佩戴率由原来的15%提升至90%以上', ['头盔']))).toBe('城区主干道[头盔]佩戴率由原来的15%提升至90%以上');
  });

  it('elides long text around the match', () => {
    const text = `${'甲'.repeat(100)}头盔${'乙'.repeat(100)}`;
    const excerpt = marked(excerptOf(text, ['头盔']))!;
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt).toContain('[头盔]');
  });

  it('is undefined when the text does not contain the terms', () => {
    expect(excerptOf('城区主干道', ['酒驾'])).toBeUndefined();
  });

  it('keeps markup in text and query as text', () => {
    const parts = excerptOf('a <img src=x onerror=alert(1)> b', ['<img src=x onerror=alert(1)>'])!;
    expect(parts).toContainEqual({ text: '<img src=x onerror=alert(1)>', marked: true });
  });
});

describe('a Pagefind result as a hit', () => {
  const data: PagefindResultData = {
    url: '/2022/drunk-driving/?highlight=6862',
    content: '持续重拳出击. 酒驾醉驾整治形成高压严打态势. 共查处酒驾醉驾违法行为6862起。 本节数据. 指标数据 查处酒驾醉驾违法行为 6862起. 酒后开车、喝酒开车.',
    locations: [20, 31],
    anchors: [
      { element: 'h2', id: 'metrics-heading', location: 25 },
      { element: 'tr', id: 'drink-cases', location: 28 },
      { element: 'p', id: 'search-aliases', location: 40 },
    ],
    meta: { kicker: '持续重拳出击', title: '酒驾醉驾整治形成高压严打态势', summary: '营造了浓厚氛围。', aliases: '酒后开车、喝酒开车' },
  };

  it('links a figure query to the figure’s row', () => {
    expect(hitFromPagefind(data, ['6862']).href).toBe('/2022/drunk-driving/?highlight=6862#drink-cases');
  });

  it('links a topic query to the section', () => {
    expect(hitFromPagefind({ ...data, url: '/2022/drunk-driving/?highlight=x' }, ['酒驾']).href).toBe('/2022/drunk-driving/?highlight=x');
  });

  it('cuts the kicker, headline and hidden aliases from the shown text', () => {
    expect(shownText(data.content, data.meta['title']!, data.meta['aliases'])).toBe('共查处酒驾醉驾违法行为6862起。 本节数据. 指标数据 查处酒驾醉驾违法行为 6862起.');
  });

  it('shows the summary, never the aliases, when only an alias matched', () => {
    const hit = hitFromPagefind({ ...data, locations: [41] }, ['酒后开车', '酒后', '开车']);
    expect(hit.excerpt).toEqual([{ text: '营造了浓厚氛围。', marked: false }]);
    expect(hit).toMatchObject({ kicker: '持续重拳出击', title: '酒驾醉驾整治形成高压严打态势' });
  });

  it('finds the figure row a match falls in', () => {
    const anchors = [
      { id: 'metrics-heading', location: 10 },
      { id: 'a', location: 12 },
      { id: 'b', location: 20 },
    ];
    expect(figureAnchorOf([5, 22], anchors, new Set(['a', 'b']))).toBe('b');
    expect(figureAnchorOf([5, 11], anchors, new Set(['a', 'b']))).toBeUndefined();
  });
});

describe('search documents', () => {
  it('print figures where the MDX has <Metric>', () => {
    expect(searchDocumentOf(source({})).text).toBe('2022年共查处酒驾醉驾违法行为6862起。');
    expect(searchDocumentOf(source({ metrics: [helmetRate], body: '由原来的<Metric id="helmet-rate" at="before" />提升至<Metric id="helmet-rate" />。' })).text).toBe('由原来的15%提升至90%以上。');
  });

  it('stop the build on an unknown metric id, naming the file', () => {
    expect(() => searchDocumentOf(source({ body: '<Metric id="nope" />' }))).toThrow(/content\/2022\/x\.mdx: <Metric id="nope"> 指向不存在的指标 “nope”/);
  });

  it('carry the table’s figures and every searchable word', () => {
    const document = searchDocumentOf(source({ aliases: ['酒后开车'] }));
    expect(document.figures).toEqual([{ id: 'drink-cases', label: '查处酒驾醉驾违法行为', value: '6862起' }]);
    expect(searchableText(document)).toContain('酒后开车');
  });
});

describe('the simplified search', () => {
  const documents = [
    searchDocumentOf(source({ aliases: ['酒后开车'] })),
    searchDocumentOf(
      source({ href: '/2022/civilized-city/', kicker: '紧扣中心工作', title: '创城交通秩序整治走在前当先锋', metrics: [helmetRate], body: '头盔佩戴率提升至<Metric id="helmet-rate" />，酒驾也查。', aliases: ['电动车头盔'] }),
    ),
  ];

  it('ranks a headline match over a passing mention', () => {
    expect(substringSearch(documents, '酒驾').map((h) => h.href.split('?')[0])).toEqual(['/2022/x/', '/2022/civilized-city/']);
  });

  it('finds aliases and shows the summary for them', () => {
    const [hit] = substringSearch(documents, '酒后开车');
    expect(hit?.excerpt).toEqual([{ text: '营造了人人抵制酒醉驾的浓厚氛围。', marked: false }]);
  });

  it('links a figure to its row and asks the section to highlight the words', () => {
    expect(substringSearch(documents, '6862')[0]?.href).toBe('/2022/x/?highlight=6862#drink-cases');
  });

  it('needs every term', () => {
    expect(substringSearch(documents, '头盔 酒驾')).toHaveLength(1);
    expect(substringSearch(documents, '头盔 渣土车')).toEqual([]);
  });
});

describe('messages', () => {
  it('count results in Chinese', () => {
    expect(resultCountMessage(3, '酒驾')).toBe('找到 3 条与“酒驾”相关的结果');
    expect(resultCountMessage(0, '火星')).toMatch(/^没有找到与“火星”相关的内容/);
  });
});

describe('aliases in the 2022 entries', () => {
  const dir = new URL('../../content/2022/', import.meta.url);
  const entries = readdirSync(dir).filter((f) => f.endsWith('.mdx'));

  it('default to none', () => {
    const data = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(new URL('drunk-driving.mdx', dir), 'utf8'))![1]!);
    delete data.aliases;
    expect(achievementSchema.parse(data).aliases).toEqual([]);
  });

  it.each(entries)('%s has at least five, none already in its text or frontmatter', (file) => {
    const source = readFileSync(new URL(file, dir), 'utf8');
    const { aliases } = achievementSchema.parse(parse(/^---\n([\s\S]*?)\n---/.exec(source)![1]!));
    const elsewhere = source.replace(/^aliases:.*$/m, '');
    expect(aliases.length).toBeGreaterThanOrEqual(5);
    expect(aliases.filter((alias) => elsewhere.includes(alias))).toEqual([]);
  });
});
