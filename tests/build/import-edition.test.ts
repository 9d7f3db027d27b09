import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { importArticle } from '@/lib/import';
import { buildWithContent, contentFolder } from '../support/build';
import { builtDocument, builtPages } from '../support/dist';
import { SOURCE_ARTICLE, edition2022 } from '../support/import-fixtures';

/**
 * The editor's path, end to end: import the 2022 article into a fresh content/2031/, build (the drafts
 * publish nothing and the build says what they lack), fill in what the report asks for (here: the
 * 2022 editors' own choices), remove draft, build again, and read the 2031 pages against 2022's.
 */
describe('an edition imported from the article builds pages that match the hand-made ones', async () => {
  const content = contentFolder([{ from: 'content/2022', to: '2022' }]);
  const imported = await importArticle(SOURCE_ARTICLE, { contentDir: content, year: 2031 });
  const drafts = buildWithContent(content);

  it('publishes no draft, and the build names every draft and what it lacks', () => {
    expect(drafts.ok, drafts.output).toBe(true);
    expect(drafts.output).toMatch(/以下 10 个条目是草稿（draft: true），不会发布/);
    for (const entry of imported.draft.entries) expect(drafts.output).toContain(`2031/${entry.file}，尚缺：`);
    expect(drafts.output).toMatch(/- summary：TODO：/);
    expect(builtPages(drafts.outDir).filter((page) => page.includes('2031'))).toEqual([]);
    expect(readFileSync(join(drafts.outDir, 'sitemap.xml'), 'utf8')).not.toContain('/2031/');
    expect(readdirSync(join(drafts.outDir, 'pagefind'), { recursive: true }).length).toBeGreaterThan(0);
  });

  // The editors' part: slug, summary, tags, aliases, headline, charts and the labels and ids they chose.
  const editors = edition2022();
  const finished: (() => void)[] = [];
  imported.draft.entries.forEach((entry, i) => {
    const file = join(content, '2031', entry.file);
    const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(file, 'utf8'))!;
    const data = parse(front!);
    const theirs = editors[i]!.data;
    let text = body!;
    const renamed = new Map<string, string>(data.metrics.map((metric: { id: string }, m: number) => [metric.id, theirs.metrics[m].id]));
    data.metrics.forEach((metric: Record<string, string>, m: number) => {
      text = text.replaceAll(`<Metric id="${metric.id}"`, `<Metric id="${renamed.get(metric.id!)}"`);
      for (const key of ['id', 'partOf', 'continues']) if (metric[key]) metric[key] = renamed.get(metric[key])!;
      metric.label = theirs.metrics[m].label;
    });
    const { draft: _, headlineQuote: __, ...rest } = data;
    const filled = { ...rest, ...Object.fromEntries(['slug', 'summary', 'tags', 'aliases', 'headlineQuote', 'headlineMetric', 'charts'].filter((k) => k in theirs).map((k) => [k, theirs[k]])) };
    finished.push(() => writeFileSync(file, `---\n${stringify(filled)}---\n${text}`));
    // First only the first entry is finished: the others stay drafts, TODOs filled or not.
    writeFileSync(file, `---\n${stringify(i === 0 ? filled : { draft: true, ...filled })}---\n${text}`);
  });
  const edition = parse(readFileSync(join(content, '2031', 'edition.yaml'), 'utf8'));
  writeFileSync(join(content, '2031', 'edition.yaml'), stringify({ ...edition, keyFigures: [] }));
  const partly = buildWithContent(content);

  it('publishes nothing of an edition while any of its entries is still a draft, and says why', () => {
    expect(partly.ok, partly.output).toBe(true);
    expect(partly.output).toMatch(/2031\/edition\.yaml: 该年度还有 9 个草稿（.*），整个年度暂不发布/);
    expect(builtPages(partly.outDir).filter((page) => page.includes('2031'))).toEqual([]);
    expect(readFileSync(join(partly.outDir, 'sitemap.xml'), 'utf8')).not.toContain('/2031/');
  });

  finished.forEach((finish) => finish());
  writeFileSync(join(content, '2031', 'edition.yaml'), stringify({ ...edition, keyFigures: parse(readFileSync('content/2022/edition.yaml', 'utf8')).keyFigures }));
  const filled = buildWithContent(content);

  it('builds once the TODOs are filled and draft removed, with no draft left', () => {
    expect(filled.ok, filled.output).toBe(true);
    expect(filled.output).not.toMatch(/草稿/);
  });

  it.each(editors.map((e) => e.data.slug as string))('/2031/%s/ reads as the 2022 page: heading, body with its figures, figure tables and chart captions', (slug) => {
    const page = (year: number) => builtDocument(`/${year}/${slug}/`, filled.outDir);
    const [ours, theirs] = [page(2031), page(2022)];
    for (const selector of ['.kicker', 'h1', '.prose']) {
      expect(ours.querySelector(selector)?.innerHTML, selector).toBe(theirs.querySelector(selector)?.innerHTML);
    }
    const figures = (doc: ReturnType<typeof page>) => doc.querySelectorAll('figure.chart figcaption, table').map((e) => e.textContent.replaceAll('2031', 'YEAR').replaceAll('/2022/', '/YEAR/'));
    expect(figures(ours)).toEqual(figures(theirs));
    if (editors.find((e) => e.data.slug === slug)!.data.charts?.length) expect(figures(theirs).length).toBeGreaterThan(1);
  });
});
