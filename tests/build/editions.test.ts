import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWithContent, contentFolder } from '../support/build';
import { builtDocument, textAt } from '../support/dist';
import { builtAchievements, uniquePhrases } from '../support/phrases';
import { fallbackInNode, pagefindInNode, slugOf } from '../support/search';
import { serveStatic } from '../support/server';

describe('a new edition folder publishes with no code change', () => {
  const build = buildWithContent(
    contentFolder([
      { from: 'content/2022', to: '2022' },
      { from: 'tests/fixtures/editions/2023', to: '2023' },
    ]),
    { elsewhere: true },
  );

  it('builds, even started from a working folder other than the project’s', () => expect(build.ok, build.output).toBe(true));

  it('draws the new edition’s share images, finding their worker and font from the modules', () => {
    const poster = readFileSync(join(build.outDir, '2023/sample-first/poster.png'));
    expect(poster.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });

  it('publishes the new edition’s pages', () => {
    const achievement = builtDocument('/2023/sample-first/', build.outDir);
    expect(textAt(achievement, 'h1')).toBe('样例条目的标题');
    expect(textAt(achievement, '.prose')).toBe('样例正文，共计12万余起。');
    expect(textAt(builtDocument('/2023/', build.outDir), 'h1')).toBe('测试样例年度标题');
  });

  it('shows the newest edition at / and keeps /2022/ as it was', () => {
    expect(textAt(builtDocument('/', build.outDir), 'h1')).toBe('测试样例年度标题');
    expect(textAt(builtDocument('/2022/', build.outDir), 'h1')).toBe('踔厉奋发保平安 笃行实干护坦途');
    expect(textAt(builtDocument('/2022/drunk-driving/', build.outDir), 'h1')).toBe('酒驾醉驾整治形成高压严打态势');
  });

  it('is searched with the others: phrases of either edition rank their section first, and the year filters', async () => {
    const site = await serveStatic(build.outDir);
    try {
      const pagefind = await pagefindInNode(site.origin, build.outDir);
      const fallback = fallbackInNode(build.outDir);
      const phrases = uniquePhrases(builtAchievements(build.outDir));
      expect(phrases.some(([, href]) => href.startsWith('/2023/'))).toBe(true);
      const firsts = await Promise.all(phrases.map(async ([phrase, href]) => [(await pagefind(phrase))[0]?.href.split('?')[0] === href, fallback(phrase)[0]?.href.split('?')[0] === href]));
      expect(firsts.filter(([p]) => p).length / phrases.length, 'Pagefind').toBeGreaterThanOrEqual(0.98);
      expect(firsts.filter(([, f]) => f).length / phrases.length, 'simplified search').toBeGreaterThanOrEqual(0.98);

      const year2023 = { tag: '', year: '2023' };
      expect((await pagefind('', year2023)).map((h) => slugOf(h.href))).toEqual(['sample-first', 'sample-second']);
      expect(fallback('', year2023).map((h) => slugOf(h.href))).toEqual(['sample-first', 'sample-second']);
      expect((await pagefind('样例正文', { tag: '', year: '2022' })).length).toBe(0);
      const years = builtDocument('/search/', build.outDir).querySelectorAll('select[name="year"] option').map((o) => o.getAttribute('value'));
      expect(years).toEqual(['', '2023', '2022']);
    } finally {
      await site.close();
    }
  });
});

describe('bad input stops the build, naming the file and the field', () => {
  it.each([
    ['non-numeric-value', /metrics\.0\.value: value 必须是数字/],
    ['missing-title', /title: title 必须填写/],
    ['duplicate-order', /order “1” 与 \S*\.mdx 重复/],
    ['duplicate-slug', /slug “sample-first” 与 \S*\.mdx 重复/],
    ['malformed-yaml', /YAML|yaml/],
    ['unknown-metric', /<Metric id="case"> 指向不存在的指标 “case”/],
    ['unknown-chart-metric', /charts\.0\.metrics\.1: charts 指向不存在的指标 “kind”/],
    ['summary-paraphrase', /summary 中的“只是改写过”不是本节正文的原话/],
  ])('%s', (fixture, message) => {
    const build = buildWithContent(
      contentFolder([
        { from: 'tests/fixtures/editions/2023', to: '2023' },
        { from: `tests/fixtures/invalid/${fixture}.mdx`, to: `2023/${fixture}.mdx` },
      ]),
    );
    expect(build.ok).toBe(false);
    expect(build.output).toMatch(message);
    expect(build.output).toContain(`2023/${fixture}.mdx`);
  });
});
