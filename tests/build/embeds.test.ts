import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { embedPath } from '@/lib/charts/embed';
import { builtDocument, textAt } from '../support/dist';

const EDITION_DIR = new URL('../../content/2022/', import.meta.url);
const charts = readdirSync(EDITION_DIR)
  .filter((f) => f.endsWith('.mdx'))
  .flatMap((file) => {
    const data = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(new URL(file, EDITION_DIR), 'utf8'))![1]!);
    return (data.charts ?? []).map((chart: { id: string; title: string; type: string }) => ({ slug: data.slug as string, kicker: data.kicker as string, ...chart }));
  });

describe('an embed page for every chart', () => {
  it('covers the charts of the seven sections that have them', () => {
    expect(new Set(charts.map((c) => c.slug)).size).toBe(7);
  });

  it.each(charts)('$slug / $id: the chart, its caption and table, the source, a link back, not indexed', ({ slug, id, title, type }) => {
    const doc = builtDocument(embedPath(2022, slug, { id }));
    expect(textAt(doc, `figure#chart-${id} figcaption .chart-title`)).toBe(title);
    if (type !== 'figures') {
      expect(doc.querySelector(`figure#chart-${id} site-chart canvas`)).not.toBeNull();
      expect(textAt(doc, `figure#chart-${id} .chart-sentence`)).not.toBe('');
      expect(doc.querySelectorAll(`figure#chart-${id} table tbody tr`).length).toBeGreaterThan(0);
    }
    expect(textAt(doc, 'footer')).toContain('来源：《踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事》，作者张浩、刘峰。');
    expect(doc.querySelector(`footer a[href="/2022/${slug}/"]`)).not.toBeNull();
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(doc.querySelector('header, site-search')).toBeNull();
    expect(doc.querySelector('site-copy-button')).toBeNull();
  });

  it.each(charts)('$slug / $id: the section page offers the embed code of its permanent embed page', ({ slug, id, title }) => {
    const buttons = builtDocument(`/2022/${slug}/`).querySelectorAll(`figure#chart-${id} site-copy-button`);
    expect(buttons).toHaveLength(1);
    const snippet = buttons[0]!.getAttribute('data-text')!;
    // The build's default public address (SITE_URL unset), as in the other build tests.
    expect(snippet).toMatch(new RegExp(`^<iframe src="http://localhost:4321/embed/2022/${slug}/${id}/" title="${title}" width="100%" height="\\d+" loading="lazy"`));
  });
});
