import type { Chart } from '../../schema/chart';

/** Where a chart's embeddable page lives: /embed/2022/muck-trucks/cases/. Permanent, like the section's URL. */
export function embedPath(year: number, slug: string, chart: Pick<Chart, 'id'>): string {
  return `/embed/${year}/${slug}/${chart.id}/`;
}

/** The embed page's height in CSS pixels: the chart's reserved box plus its caption, sentence and credit. */
export function embedHeight(chart: Pick<Chart, 'type'>, rows: number): number {
  const REM = 16;
  const CHROME = 300;
  if (chart.type === 'before-after') return CHROME + 16 * REM;
  if (chart.type === 'figures') return CHROME + rows * 2 * REM;
  return CHROME + (rows + 1) * 3.5 * REM;
}

/**
 * The snippet a newsroom pastes: a full-width iframe of fixed height (no script on their page), lazy,
 * titled for screen readers. Attributes only, so it survives CMSs that strip style and script.
 */
export function embedSnippet({ url, title, height }: { url: string; title: string; height: number }): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${escape(url)}" title="${escape(title)}" width="100%" height="${height}" loading="lazy" frameborder="0" referrerpolicy="strict-origin-when-cross-origin"></iframe>`;
}
