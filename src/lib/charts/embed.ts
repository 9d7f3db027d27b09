import type { Chart } from '../../schema/chart';
import { sourceLine, type EditionCredit } from '../source-line';
import { chartBoxHeight } from './points';
import { achievementHeading } from '../headings';

/** Where a chart's embeddable page lives: /embed/2022/muck-trucks/cases/. Permanent, like the achievement's URL. */
export function embedPath(year: number, slug: string, chart: Pick<Chart, 'id'>): string {
  return `/embed/${year}/${slug}/${chart.id}/`;
}

/** The two credit lines under an embedded chart: the source, and a link to the achievement. */
export function embedCredit(edition: EditionCredit, achievement: { kicker: string; title: string }): { source: string; readMore: string } {
  return { source: sourceLine(edition), readMore: `阅读全文：${achievementHeading(achievement)}` };
}

/**
 * The narrowest frame the snippet's height is computed for, in CSS pixels: a phone's article column.
 * A wider frame wraps fewer lines; the embed page gives the height it does not need to the chart
 * (EmbedLayout, Chart.astro `fill`), so it is filled rather than left with a gap under the credit.
 */
export const EMBED_MIN_WIDTH = 320;

/** What an embed page shows, which its height depends on. */
export interface EmbedContent {
  chart: Pick<Chart, 'type' | 'title' | 'caption'>;
  /** Bars drawn, or figures listed (type `figures`). */
  rows: number;
  /** The caption notes as printed (chartNotes, joined). */
  notes: string;
  /** The sentence under a drawn chart; empty for `figures`. */
  sentence: string;
  /** The figures of a `figures` chart as printed, each with its label. */
  figures: readonly { figure: string; label: string }[];
  credit: { source: string; readMore: string };
}

// The embed page's boxes at EMBED_MIN_WIDTH, in CSS pixels, from its styles (EmbedLayout.astro,
// Chart.astro, global.css); tests/e2e/embeds.test.ts measures the page against this sum.
const MAIN_TOP = 8;
const SIDE = 12;
const FIGURE_EDGE = 16 + 1;
const TEXT_WIDTH = EMBED_MIN_WIDTH - 2 * SIDE - 2 * FIGURE_EDGE;
const TITLE = { size: 18, lineHeight: 1.6 };
const SMALL = { size: 13, lineHeight: 1.6 };
const CAPTION_GAP = 4;
const CAPTION_BELOW = 12;
const SENTENCE = { size: 15, lineHeight: 1.8, above: 12 };
/** The data-table summary and the download button, side by side; the table starts closed. */
const TOOLS = { above: 8, height: 14 * 1.8 + 2 * 4 + 2 };
const FIGURE = { size: 28, lineHeight: 1.3, label: { size: 14, lineHeight: 1.8 }, gap: 12, indent: 4 + 12 };
/** Two paragraphs with 4px margins (not collapsing inside the flex column) and 8px padding below. */
const FOOTER = { margins: 3 * 4, below: 8 };
/** One more line of small text than reckoned: a reader's font or browser may break a line earlier. */
const SLACK = SMALL.size * SMALL.lineHeight;

/** Closing punctuation a line may not start with: a browser carries the character before it over too. */
const NO_LINE_START = /^[，。、；：！？）》」』”’…—·%]/u;
/** Opening punctuation a line may not end with. */
const NO_LINE_END = /[（《「『“‘]$/u;

/**
 * The lines a text takes at `width` pixels in a font of `size` pixels, counted the way a browser
 * breaks Chinese: any two Han characters may part, a run of Latin letters or digits may not, nor
 * punctuation from the character it belongs to. Widths are reckoned generously (a Han character
 * or full-width mark 1em, any other character 0.65em, more than most fonts give), so the count
 * errs towards a line too many rather than too few.
 */
export function linesOf(text: string, size: number, width: number): number {
  if (!text) return 0;
  const units: string[] = [];
  for (const token of text.match(/[\x21-\x7e]+|\s+|./gu) ?? []) {
    const last = units.at(-1);
    if (last !== undefined && (NO_LINE_START.test(token) || NO_LINE_END.test(last))) units[units.length - 1] = last + token;
    else units.push(token);
  }
  const widthOf = (unit: string) => [...unit].reduce((sum, char) => sum + (/[\x20-\x7e]/.test(char) ? 0.65 : 1) * size, 0);
  let lines = 1;
  let used = 0;
  for (const unit of units) {
    const w = widthOf(unit);
    if (used > 0 && used + w > width) {
      lines++;
      used = /^\s+$/.test(unit) ? 0 : w;
    } else used += w;
    // A unit wider than the line (a long URL) is broken anywhere (overflow-wrap: anywhere).
    while (used > width) {
      lines++;
      used -= width;
    }
  }
  return lines;
}

const block = (text: string, font: { size: number; lineHeight: number }, width = TEXT_WIDTH) => linesOf(text, font.size, width) * font.size * font.lineHeight;

/**
 * The embed page's height in CSS pixels at EMBED_MIN_WIDTH: the caption, the chart's reserved box
 * (or the figures listed), the sentence and tools under it, and the credit, each text wrapped as it
 * will be there. The snippet gives the iframe this height, so nothing is cut off in a frame that wide
 * or wider.
 */
export function embedHeight({ chart, rows, notes, sentence, figures, credit }: EmbedContent): number {
  const captionTexts = [block(chart.title, TITLE), block(chart.caption ?? '', SMALL), block(notes, SMALL)].filter((h) => h > 0);
  const caption = captionTexts.reduce((a, b) => a + b, 0) + CAPTION_GAP * (captionTexts.length - 1) + CAPTION_BELOW;
  let body: number;
  if (chart.type === 'figures') {
    const labelWidth = TEXT_WIDTH - FIGURE.indent;
    body = figures.reduce((sum, { figure, label }) => sum + block(figure, FIGURE, labelWidth) + block(label, FIGURE.label, labelWidth), 0) + FIGURE.gap * (figures.length - 1);
  } else {
    body = chartBoxHeight(chart, rows) + SENTENCE.above + block(sentence, SENTENCE) + TOOLS.above + TOOLS.height;
  }
  const footerWidth = EMBED_MIN_WIDTH - 2 * SIDE;
  const footer = FOOTER.margins + block(credit.source, SMALL, footerWidth) + block(credit.readMore, SMALL, footerWidth) + FOOTER.below;
  return Math.ceil(MAIN_TOP + 2 * FIGURE_EDGE + caption + body + footer + SLACK);
}

/**
 * The snippet a newsroom pastes: a full-width iframe of fixed height (no script on their page), lazy,
 * titled for screen readers. Attributes only, so it survives CMSs that strip style and script.
 */
export function embedSnippet({ url, title, height }: { url: string; title: string; height: number }): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${escape(url)}" title="${escape(title)}" width="100%" height="${height}" loading="lazy" frameborder="0" referrerpolicy="strict-origin-when-cross-origin"></iframe>`;
}
