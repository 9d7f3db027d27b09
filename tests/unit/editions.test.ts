import { describe, expect, it } from 'vitest';
import { achievementCount, achievementOrdinal, chineseNumber } from '@/lib/ordinal';
import { hostHeadersFile } from '@/lib/host-headers';
import { searchDocumentOf } from '@/lib/search/documents';
import { substringSearch } from '@/lib/search/fallback';
import { hitFromPagefind } from '@/lib/search/hit';
import { allAchievementsMessage, searchExamples, searchLabel, searchPlaceholder } from '@/lib/search/messages';
import { headersFor, parseHeadersFile } from '../support/headers';

describe('counts and ordinals in Chinese, for an edition of any size', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [12, '十二'],
    [20, '二十'],
    [23, '二十三'],
    [99, '九十九'],
  ])('%i is %s', (n, word) => expect(chineseNumber(n)).toBe(word));

  it('says how many achievements an edition has, and which one this is', () => {
    expect(achievementCount(9)).toBe('九件实事');
    expect(achievementCount(10)).toBe('十件实事');
    expect(achievementCount(12)).toBe('十二件实事');
    expect(achievementOrdinal(8)).toBe('第八件');
    expect(achievementOrdinal(12)).toBe('第十二件');
  });

  it.each([0, 100, 2.5])('refuses %s, in Chinese', (n) => expect(() => chineseNumber(n)).toThrow(/超出 1–99/));
});

describe('the search box’s examples come from the edition', () => {
  const achievements = [{ tags: ['酒驾醉驾', '曝光'] }, { tags: ['头盔', '酒驾醉驾'] }, { tags: ['渣土车', '超载', '闯红灯', '事故'] }];

  it('are the editor’s searchExamples when set', () => {
    expect(searchExamples({ searchExamples: ['酒驾', '12123'], achievements })).toEqual(['酒驾', '12123']);
    expect(searchPlaceholder(['酒驾', '头盔', '渣土车', '年检'])).toBe('搜索：酒驾、头盔、渣土车…');
  });

  it('are otherwise the edition’s first six tags, each once', () => {
    expect(searchExamples({ achievements })).toEqual(['酒驾醉驾', '曝光', '头盔', '渣土车', '超载', '闯红灯']);
  });
});

describe('the search names what it covers', () => {
  it('one edition by its count', () => {
    expect(searchLabel([{ year: 2022, count: 10 }])).toBe('搜索十件实事');
    expect(allAchievementsMessage([{ year: 2022, count: 10 }])).toBe('全部十件实事');
  });

  it('several editions each by its own count, newest first', () => {
    const scope = [
      { year: 2023, count: 9 },
      { year: 2022, count: 10 },
    ];
    expect(searchLabel(scope)).toBe('搜索历年实事');
    expect(allAchievementsMessage(scope)).toBe('历年全部实事：2023年九件、2022年十件');
  });

  it('many editions by their years and total, not a list that buries the page', () => {
    const scope = [2023, 2022, 2021, 2020, 2019].map((year) => ({ year, count: year === 2023 ? 8 : 10 }));
    expect(allAchievementsMessage(scope)).toBe('历年全部实事：2019—2023年，共5个年度、48件');
  });
});

describe('a hit says its year, whichever engine found it', () => {
  it('the simplified search, from the document', () => {
    const document = (year: number) => searchDocumentOf({ href: `/${year}/x/`, kicker: 'k', title: '酒驾整治', summary: 's', aliases: [], tags: ['t'], year, metrics: [], text: '查酒驾。' });
    expect(substringSearch([document(2023), document(2022)], '酒驾').map((hit) => hit.year)).toEqual(['2023', '2022']);
  });

  it('Pagefind, from the page’s year filter', () => {
    const hit = hitFromPagefind({ url: '/2023/x/', content: '酒驾', locations: [0], anchors: [], meta: { title: 't' }, filters: { year: ['2023'], tag: ['t'] } }, ['酒驾']);
    expect(hit.year).toBe('2023');
  });
});

describe('the host headers the build writes', () => {
  const rules = parseHeadersFile(hostHeadersFile({ files: ['index.html', '404.html'], folders: ['search', '2023', 'embed', '2022', 'editions'] }));

  it.each(['/', '/index.html', '/404.html', '/2022/drunk-driving/', '/2023/', '/2023/sample-first/card.png', '/editions/', '/search/'])('%s may not be framed', (path) => {
    const headers = headersFor(rules, path);
    expect(headers['content-security-policy']).toMatch(/^frame-ancestors 'none'/);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  it('lets the chart embeds be framed anywhere, and caches only hashed assets for a year', () => {
    expect(headersFor(rules, '/embed/2023/x/chart/')['content-security-policy']).toMatch(/^frame-ancestors \*/);
    expect(headersFor(rules, '/embed/2023/x/chart/')['x-frame-options']).toBeUndefined();
    expect(headersFor(rules, '/_astro/a.1234.js')['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/2023/')['cache-control']).toBeUndefined();
  });

  it('names no rule twice and lists the folders in a stable order, whatever order they were found in', () => {
    const patterns = rules.map((rule) => rule.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
    expect(hostHeadersFile({ files: ['404.html', 'index.html'], folders: ['2022', 'editions', 'embed', '2023', 'search'] })).toBe(
      hostHeadersFile({ files: ['index.html', '404.html'], folders: ['search', '2023', 'embed', '2022', 'editions'] }),
    );
  });
});
