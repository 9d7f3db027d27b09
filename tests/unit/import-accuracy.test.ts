import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { draftFromFile } from '@/lib/import';
import { plainTextOf } from '../support/plain-text';
import { achievementSchema } from '@/schema/achievement';
import type { Metric } from '@/schema/metric';
import { SOURCE_ARTICLE, comparable, edition2022, expectedOf, fixtureArticles, score } from '../support/import-fixtures';

const percent = (n: number) => `${(n * 100).toFixed(1)}%`;

describe('importing the 2022 article reproduces content/2022', async () => {
  const { article, draft } = await draftFromFile(SOURCE_ARTICLE);
  const published = edition2022();
  const edition = parse((await import('node:fs')).readFileSync('content/2022/edition.yaml', 'utf8'));

  it('finds the title block and the ten sections in reading order, headings split as the entries split them', () => {
    expect({ title: article.title, subtitle: article.subtitle, byline: article.byline, lead: article.lead }).toEqual({
      title: edition.title,
      subtitle: edition.subtitle,
      byline: edition.byline,
      lead: edition.lead,
    });
    expect(draft.year).toBe(2022);
    expect(draft.entries.map((e) => [e.data.order, e.data.kicker, e.data.title])).toEqual(published.map((p) => [p.data.order, p.data.kicker, p.data.title]));
  });

  it('writes every section body word for word: identical to 2022’s once its figures are printed', () => {
    draft.entries.forEach((entry, i) => {
      const want = published[i]!;
      const metrics = (m: unknown) => achievementSchema.parse(m).metrics;
      expect(plainTextOf(entry.figures.body, entry.figures.metrics, entry.file), want.file).toBe(plainTextOf(want.body, metrics(want.data), want.file));
    });
  });

  it('types at least 95% of the 2022 metrics exactly as the editors did (value, scale, unit, qualifier, kind, direction, basis, partOf, before)', () => {
    const expected = published.map((p) => ((p.data.metrics ?? []) as Metric[]).map((m, _, all) => comparable(m, all)));
    const found = draft.entries.map((e) => e.figures.metrics.map((m) => comparable(m, e.figures.metrics)));
    const result = score(expected, found, published.map((p) => p.file));
    console.log(`2022 文章：应有 ${result.expected} 个指标，导入 ${result.found} 个，完全一致 ${result.correct} 个（${percent(result.correct / result.expected)}）`);
    console.log(result.differences.length ? `差异：\n  ${result.differences.join('\n  ')}` : '差异：无');
    expect(result.correct / result.expected).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps as text exactly the numbers that are not statistics, each with its reason', () => {
    const kept = draft.entries.flatMap((e) => e.figures.leftAsText.map((n) => `${n.text}:${n.kind}`));
    expect(kept.sort()).toEqual(['12123语:name', '1+3+N:formula', '2022年:year', '24小时值:duration', 'K637:code', 'K642:code'].sort());
    expect(draft.entries.flatMap((e) => e.figures.unclassified)).toEqual([]);
  });
});

describe('the fixture articles: precision and recall of the figures found', async () => {
  const articles = await fixtureArticles(mkdtempSync(join(tmpdir(), 'zz-import-')));
  const totals = { expected: 0, found: 0, correct: 0 };

  it.each(articles)('$name', async ({ name, file }) => {
    const want = expectedOf(name);
    const { article, draft } = await draftFromFile(file);
    expect({ title: article.title, subtitle: article.subtitle, byline: article.byline }).toEqual({ title: want.title, subtitle: want.subtitle, byline: want.byline });
    expect(draft.entries.map((e) => [e.data.kicker, e.data.title])).toEqual(want.achievements.map((s) => [s.kicker, s.title]));
    expect(draft.entries.map((e) => e.figures.leftAsText.map((n) => n.text))).toEqual(want.achievements.map((s) => s.text));

    const found = draft.entries.map((e) => e.figures.metrics.map((m) => comparable(m, e.figures.metrics)));
    const result = score(
      want.achievements.map((s) => s.metrics),
      found,
      want.achievements.map((s) => s.kicker),
    );
    totals.expected += result.expected;
    totals.found += result.found;
    totals.correct += result.correct;
    console.log(`${name}：应有 ${result.expected} 个，找到 ${result.found} 个，正确 ${result.correct} 个；精确率 ${percent(result.correct / result.found)}，召回率 ${percent(result.correct / result.expected)}`);
    if (result.differences.length) console.log(`  ${result.differences.join('\n  ')}`);
    expect(result.correct / result.found, 'precision').toBeGreaterThanOrEqual(0.9);
    expect(result.correct / result.expected, 'recall').toBeGreaterThanOrEqual(0.9);
  });

  it('all fixtures together', () => {
    console.log(`样例稿件合计：应有 ${totals.expected} 个，找到 ${totals.found} 个，正确 ${totals.correct} 个；精确率 ${percent(totals.correct / totals.found)}，召回率 ${percent(totals.correct / totals.expected)}`);
    expect(totals.expected).toBeGreaterThan(30);
  });
});
