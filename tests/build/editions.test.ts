import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { DESKTOP, PHONE, launchBrowser, watchPage } from '../support/browser';
import { buildWithContent, contentFolder } from '../support/build';
import { csvRecords } from '../support/csv';
import { DIST, builtDocument, builtPage, builtPages, textAt } from '../support/dist';
import { headersFor, parseHeadersFile } from '../support/headers';
import { builtAchievements, uniquePhrases } from '../support/phrases';
import { fallbackInNode, pagefindInNode, slugOf } from '../support/search';
import { serveStatic } from '../support/server';
import { SLUGS } from '../support/achievements';

/** The fictional test edition (tests/fixtures/editions/2023): nine achievements where 2022 has ten. */
const SAMPLES = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'].map((n) => `sample-${n}`);

describe('a new edition folder publishes with no code change', () => {
  // One build of two editions serves every assertion below: each build costs a minute on a busy machine.
  const build = buildWithContent(
    contentFolder([
      { from: 'content/2022', to: '2022' },
      { from: 'tests/fixtures/editions/2023', to: '2023' },
    ]),
    { elsewhere: true },
  );
  const doc = (path: string) => builtDocument(path, build.outDir);
  const read = (path: string) => readFileSync(join(build.outDir, path), 'utf8');
  const texts = (path: string, selector: string) => doc(path).querySelectorAll(selector).map((e) => e.textContent.trim());

  it('builds, even started from a working folder other than the project’s', () => expect(build.ok, build.output).toBe(true));

  it('draws the new edition’s share images, finding their worker and font from the modules', () => {
    const poster = readFileSync(join(build.outDir, '2023/sample-first/poster.png'));
    expect(poster.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    for (const image of ['2023/card.png', '2023/summary.png', '2023/sample-ninth/card.png', '2022/card.png', '2022/summary.png']) expect(existsSync(join(build.outDir, image)), image).toBe(true);
  });

  it('publishes the new edition’s pages', () => {
    const achievement = doc('/2023/sample-first/');
    expect(textAt(achievement, 'h1')).toBe('样例条目的标题');
    expect(textAt(achievement, '.prose')).toBe('样例正文，共计12万余起。');
    expect(textAt(doc('/2023/'), 'h1')).toBe('测试样例年度标题');
  });

  it('shows the newest edition at / and keeps /2022/ as it was', () => {
    expect(textAt(doc('/'), 'h1')).toBe('测试样例年度标题');
    expect(textAt(doc('/2022/'), 'h1')).toBe('踔厉奋发保平安 笃行实干护坦途');
    expect(textAt(doc('/2022/drunk-driving/'), 'h1')).toBe('酒驾醉驾整治形成高压严打态势');
  });

  it('offers the newest edition’s search examples on every page, 2022’s included', () => {
    for (const path of ['/', '/2022/drunk-driving/', '/search/']) {
      expect(doc(path).querySelector('#site-search-input')?.getAttribute('placeholder'), path).toBe('搜索：样例、酒驾…');
      expect(doc(path).querySelectorAll('header .search-suggestions a').map((a) => a.textContent), path).toEqual(['样例', '酒驾']);
    }
  });

  it('counts each edition’s own achievements: 九件 for the new one, 十件 for 2022', () => {
    expect(textAt(doc('/'), '#achievements-heading')).toBe('九件实事');
    expect(textAt(doc('/2023/'), '#achievements-heading')).toBe('九件实事');
    expect(textAt(doc('/2022/'), '#achievements-heading')).toBe('十件实事');
    expect(doc('/2023/').querySelectorAll('.cards > li')).toHaveLength(9);
    expect(textAt(doc('/2023/sample-ninth/'), '.back')).toBe('← 返回《测试样例：2023年九件实事》全部九件实事');
    expect(textAt(doc('/2022/drunk-driving/'), '.back')).toBe('← 返回《2022年枣庄公安交警十件实事》全部十件实事');
    expect(textAt(doc('/2023/sample-ninth/'), '.breadcrumb .here')).toBe('第九件');
    expect(textAt(doc('/2022/party-building/'), '.breadcrumb .here')).toBe('第十件');
    expect(texts('/2023/full/', '.full-section .ordinal').at(-1)).toBe('第九件');
    // The search covers both editions: it says each one's count, never a total that mixes the years.
    const search = doc('/search/');
    expect(textAt(search, '.search-page .search-status')).toBe('历年全部实事：2023年九件、2022年十件');
    expect(search.querySelector('#search-page-input')).not.toBeNull();
    expect(textAt(search, 'label[for="search-page-input"]')).toBe('搜索历年实事');
    // The new edition's pages never say 十件: only the archive on its front names 2022's count.
    for (const path of ['/', '/2023/', '/2023/full/', ...SAMPLES.map((slug) => `/2023/${slug}/`)]) {
      const page = doc(path);
      page.querySelector('section[aria-labelledby="archive-heading"]')?.remove();
      expect(page.toString(), path).not.toContain('十件');
    }
  });

  it('says on every edition’s pages which year they belong to, and on 2022’s, where the latest is', () => {
    for (const path of ['/', '/2023/', '/2023/full/', '/2023/sample-third/']) {
      expect(texts(path, '.edition-year .year'), path).toEqual(['2023年度（最新）']);
      expect(doc(path).querySelector('.edition-year .latest'), path).toBeNull();
    }
    for (const path of ['/2022/', '/2022/full/', '/2022/drunk-driving/']) {
      expect(texts(path, '.edition-year .year'), path).toEqual(['2022年度（往年）']);
      const latest = doc(path).querySelector('.edition-year .latest a')!;
      expect(latest.getAttribute('href'), path).toBe('/');
      expect(latest.textContent, path).toBe('2023年度《测试样例：2023年九件实事》');
    }
  });

  it('lists the earlier editions under 往年回顾 on the front page, and every edition, newest first, at /editions/', () => {
    const archive = doc('/').querySelector('section[aria-labelledby="archive-heading"]')!;
    expect(textAt(archive, 'h2')).toBe('往年回顾');
    expect(archive.querySelectorAll('.editions > li .name a').map((a) => a.getAttribute('href'))).toEqual(['/2022/']);
    expect(doc('/2022/').querySelector('#archive-heading')).toBeNull();
    const editions = doc('/editions/');
    expect(editions.querySelectorAll('.editions > li .name a').map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['/2023/', '测试样例年度标题'],
      ['/2022/', '踔厉奋发保平安 笃行实干护坦途'],
    ]);
    expect(editions.querySelectorAll('.editions > li .count').map((p) => p.textContent)).toEqual(['共九件实事', '共十件实事']);
  });

  it('sends the frame policy to the new edition’s pages, from the _headers the build writes', () => {
    const rules = parseHeadersFile(read('_headers'));
    const pages = builtPages(build.outDir);
    expect(pages).toContain('/2023/sample-ninth/');
    for (const path of pages) {
      const headers = headersFor(rules, path);
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      if (path.startsWith('/embed/')) expect(headers['content-security-policy'], path).toMatch(/frame-ancestors \*/);
      else expect([headers['content-security-policy'], headers['x-frame-options']], path).toEqual([expect.stringMatching(/frame-ancestors 'none'/), 'DENY']);
    }
  });

  it('lists every edition’s achievements on /search/ before a query, newest edition first, each with its year', () => {
    const hits = doc('/search/').querySelectorAll('.search-page .search-results > li .search-hit');
    expect(hits.map((hit) => [textAt(hit, '.search-hit-year'), hit.getAttribute('href')])).toEqual([
      ...SAMPLES.map((slug) => ['2023年', `/2023/${slug}/`]),
      ...SLUGS.map((slug) => ['2022年', `/2022/${slug}/`]),
    ]);
  });

  it('is searched with the others: phrases of either edition rank their section first, hits say their year, and the year filters', async () => {
    const site = await serveStatic(build.outDir);
    try {
      const pagefind = await pagefindInNode(site.origin, build.outDir);
      const fallback = fallbackInNode(build.outDir);
      const phrases = uniquePhrases(builtAchievements(build.outDir));
      expect(phrases.some(([, href]) => href.startsWith('/2023/'))).toBe(true);
      const firsts = await Promise.all(phrases.map(async ([phrase, href]) => [(await pagefind(phrase))[0]?.href.split('?')[0] === href, fallback(phrase)[0]?.href.split('?')[0] === href]));
      expect(firsts.filter(([p]) => p).length / phrases.length, 'Pagefind').toBeGreaterThanOrEqual(0.98);
      expect(firsts.filter(([, f]) => f).length / phrases.length, 'simplified search').toBeGreaterThanOrEqual(0.98);

      // 酒驾 is in both years: the hits say which year each belongs to.
      for (const hits of [await pagefind('酒驾'), fallback('酒驾')]) {
        const found = hits.map((h) => [h.year, new URL(h.href, 'http://x').pathname]);
        expect(found).toContainEqual(['2023', '/2023/sample-third/']);
        expect(found).toContainEqual(['2022', '/2022/drunk-driving/']);
        for (const [year, path] of found) expect(path).toMatch(new RegExp(`^/${year}/`));
      }

      const year2023 = { tag: '', year: '2023' };
      expect((await pagefind('', year2023)).map((h) => slugOf(h.href))).toEqual(SAMPLES);
      expect(fallback('', year2023).map((h) => slugOf(h.href))).toEqual(SAMPLES);
      expect((await pagefind('酒驾', year2023)).map((h) => slugOf(h.href))).toEqual(['sample-third']);
      expect((await pagefind('样例正文', { tag: '', year: '2022' })).length).toBe(0);
      const years = doc('/search/').querySelectorAll('select[name="year"] option').map((o) => o.getAttribute('value'));
      expect(years).toEqual(['', '2023', '2022']);
    } finally {
      await site.close();
    }
  });

  it('puts both editions in the feed and the sitemap, each item with its year', () => {
    const rss = builtDocument('/rss.xml', build.outDir);
    const items = rss.querySelectorAll('item').map((item) => [new URL(textAt(item, 'guid')).pathname, textAt(item, 'category')]);
    expect(items).toEqual([...SAMPLES.map((slug) => [`/2023/${slug}/`, '2023年度']), ...SLUGS.map((slug) => [`/2022/${slug}/`, '2022年度'])]);
    const listed = [...read('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    const expected = builtPages(build.outDir).filter((path) => path !== '/404.html' && !path.startsWith('/embed/'));
    expect([...listed].sort()).toEqual([...expected].sort());
    for (const path of ['/2023/', '/2023/full/', '/2023/sample-ninth/', '/2022/drunk-driving/', '/editions/']) expect(listed).toContain(path);
  });

  it('gives each page the JSON-LD of its own edition', () => {
    const front = JSON.parse(textAt(doc('/2023/'), 'script[type="application/ld+json"]'));
    expect(front.headline).toBe('测试样例年度标题——测试样例：2023年九件实事');
    expect(front.hasPart).toHaveLength(9);
    const old = JSON.parse(textAt(doc('/2022/'), 'script[type="application/ld+json"]'));
    expect(old.hasPart).toHaveLength(10);
    const achievement = JSON.parse(textAt(doc('/2023/sample-first/'), 'script[type="application/ld+json"]'));
    expect(achievement.isPartOf.url).toBe('http://localhost:4321/2023/');
  });

  // What only two editions show (往年回顾, the note pointing to the latest, both years in the search)
  // passes the gates every page of the real build passes.
  it('is valid HTML and passes axe on phone and desktop, with no console error, where two editions show; in the browser, hits say their year and the year filter lists one edition', async () => {
    const paths = ['/', '/editions/', '/search/', '/2022/', '/2022/drunk-driving/', '/2023/sample-ninth/', '/2023/full/', '/data/'];
    const validator = new HtmlValidate(new StaticConfigLoader({ extends: ['html-validate:recommended'] }));
    for (const path of paths) {
      const report = await validator.validateString(builtPage(path, build.outDir), path);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`)), path).toEqual([]);
    }
    const site = await serveStatic(build.outDir);
    const browser = await launchBrowser();
    try {
      for (const device of [PHONE, DESKTOP]) {
        const context = await browser.newContext({ ...device, reducedMotion: 'reduce' });
        for (const path of [...paths, `/search/?q=${encodeURIComponent('酒驾')}`]) {
          const page = await context.newPage();
          const watch = watchPage(page, site.origin);
          await page.goto(site.origin + path);
          await page.waitForLoadState('networkidle');
          if (path.includes('?q=')) {
            // In the browser too, 酒驾's hits say which year each belongs to.
            await page.locator('site-search[data-mode="page"] .search-status', { hasText: '找到' }).waitFor();
            expect(new Set(await page.locator('site-search[data-mode="page"] .search-hit-year').allTextContents())).toEqual(new Set(['2023年', '2022年']));
          }
          expect(await axeViolations(page), path).toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBe(0);
          expect(watch.consoleErrors, path).toEqual([]);
          await page.close();
        }
        // The year filter lists one edition's achievements, each saying its year.
        const page = await context.newPage();
        await page.goto(`${site.origin}/search/?year=2023`);
        await page.locator('site-search[data-mode="page"] .search-status', { hasText: '2023年：' }).waitFor();
        expect(await page.locator('site-search[data-mode="page"] .search-status').textContent()).toBe('2023年：共 9 件实事');
        expect(await page.locator('site-search[data-mode="page"] .search-hit-year').allTextContents()).toEqual(SAMPLES.map(() => '2023年'));
        await page.close();
        await context.close();
      }
    } finally {
      await browser.close();
      await site.close();
    }
  });

  it('keeps each edition’s data files to its own year, and offers both on /data/ with their own credit', () => {
    const csv2023 = csvRecords(read('2023/data.csv').replace(/^\uFEFF/, ''));
    expect(csv2023.length).toBeGreaterThan(0);
    expect(new Set(csv2023.map((r) => r['年度']))).toEqual(new Set(['2023']));
    const csv2022 = csvRecords(read('2022/data.csv').replace(/^\uFEFF/, ''));
    expect(new Set(csv2022.map((r) => r['年度']))).toEqual(new Set(['2022']));
    for (const [year, slugs] of [[2023, SAMPLES], [2022, SLUGS]] as const) {
      const json = JSON.parse(read(`${year}/data.json`));
      expect(json.recap.year).toBe(year);
      expect(json.sections.every((s: { year: number; slug: string; url: string }) => s.year === year && (slugs as readonly string[]).includes(s.slug) && s.url.includes(`/${year}/`))).toBe(true);
    }
    const data = doc('/data/');
    expect(data.querySelectorAll('section h3').map((h) => h.textContent)).toEqual(['2023年度', '2022年度']);
    expect(data.querySelectorAll('.whole a').map((a) => a.getAttribute('href'))).toEqual(['/2023/data.csv', '/2023/data.json', '/2022/data.csv', '/2022/data.json']);
    expect(data.querySelectorAll('.credit').map((p) => p.textContent)).toEqual([
      '出处：《测试样例年度标题——测试样例：2023年九件实事》，作者测试作者。',
      '出处：《踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事》，作者张浩、刘峰。',
    ]);
  });
});

describe('the real build', () => {
  it('never publishes the test edition', () => {
    expect(existsSync(join(DIST, '2023'))).toBe(false);
    for (const path of builtPages()) expect(readFileSync(join(DIST, path.endsWith('/') ? `${path}index.html` : path), 'utf8'), path).not.toContain('测试样例');
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
