import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { searchableText } from '@/lib/search/document';
import { searchDocumentOf, type SearchSource } from '@/lib/search/documents';
import { plainTextOf } from '../support/plain-text';
import { excerptOf, figureAnchorOf, matchesInPieces, type ExcerptPart } from '@/lib/search/excerpt';
import { substringSearch } from '@/lib/search/fallback';
import { hitFromPagefind, hitHref, pagefindHits, shownText, type PagefindResultData } from '@/lib/search/hit';
import { resultCountMessage } from '@/lib/search/messages';
import { highlightTerms, normaliseQuery, toSimplified, traditionalMapFor } from '@/lib/search/query';
import { filterChoices, passesFilters, requestFromUrl, urlOfRequest } from '@/lib/search/filters';
import { matchTier, rankByMatch } from '@/lib/search/rank';
import { achievementSchema } from '@/schema/achievement';
import type { Metric } from '@/schema/metric';

const marked = (parts: ExcerptPart[] | undefined) => parts?.map((p) => (p.marked ? `[${p.text}]` : p.text)).join('');

const drinkCases: Metric = { id: 'drink-cases', label: '查处酒驾醉驾违法行为', value: 6862, unit: '起', kind: 'count' };
const helmetRate: Metric = { id: 'helmet-rate', label: '城区主干道头盔佩戴率', value: 90, unit: '%', qualifier: '以上', kind: 'share', before: { value: 15, label: '原来', to: '提升至' } };
const source = ({ body = '2022年共查处酒驾醉驾违法行为<Metric id="drink-cases" />。', ...over }: Partial<SearchSource> & { body?: string }): SearchSource => ({
  href: '/2022/x/',
  kicker: '持续重拳出击',
  title: '酒驾醉驾整治形成高压严打态势',
  summary: '营造了人人抵制酒醉驾的浓厚氛围。',
  aliases: [],
  tags: ['酒驾醉驾', '曝光'],
  year: 2022,
  metrics: [drinkCases],
  text: plainTextOf(body, over.metrics ?? [drinkCases], 'content/2022/x.mdx'),
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

});

describe('words to mark', () => {
  const text = '持续扛牢事故预防“减量控大”主责主业，强力攻坚隐患歼灭、秩序净化。';

  it('mark the phrase as typed, never its lone characters', () => {
    expect(highlightTerms('减量控大', text)).toEqual(['减量控大']);
  });

  it('mark each word of a query of several words', () => {
    expect(highlightTerms('隐患 秩序净化', text)).toEqual(['秩序净化', '隐患']);
  });

  it('fall back to the words of two or more characters the text has when the phrase is not in it', () => {
    const terms = highlightTerms('隐患大排查', text);
    expect(terms).toContain('隐患');
    expect(terms.every((t) => Array.from(t).length > 1)).toBe(true);
  });

  it('ignore case', () => {
    expect(highlightTerms('K637', '京台高速k637—k642')).toEqual(['k637']);
  });
});

describe('ranking by the phrase', () => {
  it('puts the query as typed first, then every word of it, then the rest, each in the engine’s order', () => {
    const achievements = [
      { slug: 'chars', text: '数量减少，智慧管控，大雾' },
      { slug: 'words', text: '隐患排查，减量，控大' },
      { slug: 'phrase', text: '事故预防“减量控大”主责主业' },
      { slug: 'both', text: '减量 控大' },
    ];
    expect(rankByMatch(achievements, (s) => s.text, '减量控大').map((s) => s.slug)).toEqual(['phrase', 'chars', 'words', 'both']);
    expect(rankByMatch(achievements, (s) => s.text, '减量 控大').map((s) => s.slug)).toEqual(['both', 'words', 'phrase', 'chars']);
  });

  it('tiers a text by the query', () => {
    expect(matchTier('Aa 交管12123语音', '12123语音')).toBe(0);
    expect(matchTier('Aa 交管12123语音', 'aa 语音')).toBe(1);
    expect(matchTier('Aa 交管12123语音', '语音 头盔')).toBe(2);
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

  it('is centred on the phrase, marked whole', () => {
    const text = `${'甲'.repeat(200)}减量控大${'乙'.repeat(200)}`;
    const excerpt = marked(excerptOf(text, ['减量控大']))!;
    const [before, after] = excerpt.split('[减量控大]');
    expect(Math.abs(before!.length - after!.length)).toBeLessThanOrEqual(2);
  });

  it('is centred where the words of the query meet, not on the first lone one', () => {
    const text = `头盔${'甲'.repeat(150)}酒驾${'乙'.repeat(10)}头盔${'丙'.repeat(150)}`;
    const excerpt = marked(excerptOf(text, ['头盔', '酒驾']))!;
    expect(excerpt).toContain('[酒驾]乙乙乙乙乙乙乙乙乙乙[头盔]');
    expect(excerpt.startsWith('…')).toBe(true);
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

  it('links a topic query to the section, asking it to mark the words and nothing else', () => {
    expect(hitFromPagefind({ ...data, url: '/2022/drunk-driving/?highlight=%E9%85%92&highlight=%E9%A9%BE' }, ['酒驾']).href).toBe('/2022/drunk-driving/?highlight=%E9%85%92%E9%A9%BE');
    expect(hitHref('/2022/x/', [])).toBe('/2022/x/');
    expect(hitHref('/2022/x/?a=1#top', ['减量控大', '隐患'], 'drink-cases')).toBe(`/2022/x/?${new URLSearchParams([['highlight', '减量控大'], ['highlight', '隐患']])}#drink-cases`);
  });

  it('ranks the results with the phrase first and marks it whole', () => {
    const other = { ...data, url: '/2022/severe-weather-road/', content: '该路段交通拥堵警情数量下降，智慧管控，大雾。', meta: { title: '恶劣天气' } };
    const phrase = { ...data, url: '/2022/accident-prevention/', content: '做强主责主业. 四个下降. 持续扛牢事故预防“减量控大”主责主业。', meta: { title: '四个下降' } };
    const hits = pagefindHits([other, phrase], '减量控大');
    expect(hits.map((h) => h.href)).toEqual([`/2022/accident-prevention/?${new URLSearchParams({ highlight: '减量控大' })}`, '/2022/severe-weather-road/']);
    expect(marked(hits[0]!.excerpt)).toBe('持续扛牢事故预防“[减量控大]”主责主业。');
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

  it('ranks the section with the query as typed above better-scored sections with its words', () => {
    const phrase = searchDocumentOf(source({ href: '/2022/p/', title: '四个下降', body: '新建ETC 车道两条。' }));
    const words = searchDocumentOf(source({ href: '/2022/w/', title: 'ETC车道', kicker: '车道与ETC', body: '车道。' }));
    const slugs = (query: string) => substringSearch([words, phrase], query).map((h) => h.href.split('?')[0]);
    expect(slugs('etc 车道')).toEqual(['/2022/p/', '/2022/w/']);
    expect(slugs('车道 etc')).toEqual(['/2022/w/', '/2022/p/']);
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

  it('say which filters are in force, with or without a query', () => {
    expect(resultCountMessage(1, '酒驾', { tag: '曝光', year: '2022' })).toBe('找到 1 条与“酒驾”相关的结果（主题“曝光”、2022年）');
    expect(resultCountMessage(2, '', { tag: '头盔', year: '' })).toBe('主题“头盔”：共 2 件实事');
    expect(resultCountMessage(0, '', { tag: '', year: '2021' })).toBe('2021年：没有实事。');
  });
});

describe('filters', () => {
  it('read ?q=&tag=&year= as the box reads a query, and write back only what is set', () => {
    expect(requestFromUrl('?q=%EF%BC%91%EF%BC%92%EF%BC%91%EF%BC%92%EF%BC%93&tag=%E5%A4%B4%E7%9B%94')).toEqual({ query: '12123', tag: '头盔', year: '' });
    expect(urlOfRequest('/search/', { query: '', tag: '头盔', year: '2022' })).toBe(`/search/?${new URLSearchParams({ tag: '头盔', year: '2022' })}`);
    expect(urlOfRequest('/search/', { query: '', tag: '', year: '' })).toBe('/search/');
  });

  it('pass a section with the topic and the year', () => {
    expect(passesFilters({ tags: ['头盔', '文明城市'], year: 2022 }, { tag: '头盔', year: '2022' })).toBe(true);
    expect(passesFilters({ tags: ['头盔'], year: 2022 }, { tag: '酒驾醉驾', year: '' })).toBe(false);
    expect(passesFilters({ tags: ['头盔'], year: 2022 }, { tag: '', year: '2023' })).toBe(false);
  });

  it('offer every topic once in the order sections use them, and the years newest first', () => {
    expect(filterChoices([{ tags: ['酒驾醉驾', '曝光'], year: 2022 }, { tags: ['头盔', '曝光'], year: 2023 }])).toEqual({ tags: ['酒驾醉驾', '曝光', '头盔'], years: [2023, 2022] });
  });

  it('alone, list their sections in the simplified search, each with its summary', () => {
    const documents = [searchDocumentOf(source({})), searchDocumentOf(source({ href: '/2022/civilized-city/', tags: ['头盔'] }))];
    expect(substringSearch(documents, '', { tag: '头盔', year: '' }).map((h) => h.href)).toEqual(['/2022/civilized-city/']);
    expect(substringSearch(documents, '酒驾', { tag: '曝光', year: '' }).map((h) => h.href.split('?')[0])).toEqual(['/2022/x/']);
    expect(substringSearch(documents, '', { tag: '', year: '2021' })).toEqual([]);
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

describe('marking a section page', () => {
  const piece = (text: string, startsBlock = false) => ({ text, startsBlock });
  const show = (pieces: { text: string; startsBlock: boolean }[], terms: string[]) =>
    matchesInPieces(pieces, terms).map((ranges, i) => ranges.map((r) => pieces[i]!.text.slice(r.start, r.end)));

  it('marks a phrase that runs through a figure element, in each piece it covers', () => {
    expect(show([piece('共查处酒驾醉驾违法行为', true), piece('6862起'), piece('，其中醉驾')], ['违法行为6862起'])).toEqual([['违法行为'], ['6862起'], []]);
  });

  it('never joins a heading to the paragraph after it', () => {
    expect(show([piece('减量', true), piece('控大主责', true)], ['减量控大'])).toEqual([[], []]);
  });

  it('marks every occurrence, and only whole phrases', () => {
    expect(show([piece('减量控大，减，量，控，大，减量控大', true)], ['减量控大'])).toEqual([['减量控大', '减量控大']]);
  });
});
