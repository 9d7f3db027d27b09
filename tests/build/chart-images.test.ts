import { readdirSync, readFileSync } from 'node:fs';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CHART_IMAGE_RATIO, chartImageSize, lightTokens } from '@/lib/charts/chart-image';
import { chartPointsOf } from '@/lib/charts/points';
import { describeMetric } from '@/lib/metrics/format';
import { chartSentence } from '@/lib/charts/sentence';
import { chartImagePath } from '@/lib/paths';
import { achievementSchema } from '@/schema/achievement';
import { DIST, builtDocument } from '../support/dist';

const EDITION_DIR = new URL('../../content/2022/', import.meta.url);
const entries = readdirSync(EDITION_DIR)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => achievementSchema.parse(parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(new URL(f, EDITION_DIR), 'utf8'))![1]!)));
const charts = entries.flatMap((entry) => entry.charts.map((chart) => ({ slug: entry.slug, id: chart.id, chart, entry, path: chartImagePath(`/2022/${entry.slug}/`, chart.id) })));
const drawn = charts.filter(({ chart }) => chart.type !== 'figures');

const tokens = lightTokens(readFileSync(new URL('../../src/styles/tokens.css', import.meta.url), 'utf8'));
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const FILLS = { primary: rgb(tokens.get('--chart-primary')!), secondary: rgb(tokens.get('--chart-secondary')!) };
const GRID = [rgb(tokens.get('--color-rule')!), rgb(tokens.get('--color-muted')!)];
/** Device pixels a bar's end may be off by: its anti-aliased edge is not in the exact colour. */
const TOLERANCE = 2;

interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

async function decode(path: string): Promise<Pixels> {
  const image = await loadImage(readFileSync(`${DIST}${path.slice(1)}`));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: ctx.getImageData(0, 0, image.width, image.height).data };
}

const is = (px: Pixels, x: number, y: number, [r, g, b]: number[]) => {
  const i = (y * px.width + x) * 4;
  return px.data[i] === r && px.data[i + 1] === g && px.data[i + 2] === b;
};

interface Bar {
  tone: 'primary' | 'secondary';
  /** Along the bar's length (x for horizontal bars, y for columns), inclusive. */
  from: number;
  to: number;
  /** The middle of the bar's other extent, to look inside it. */
  middle: number;
}

/**
 * The bars in a fill colour, in drawing order: bands of rows (horizontal bars) or columns that hold
 * the colour, each measured by the extent of its coloured pixels (a hollow bar's border counts).
 */
function barsOf(px: Pixels, horizontal: boolean): Bar[] {
  const [lines, along] = horizontal ? [px.height, px.width] : [px.width, px.height];
  const at = (line: number, pos: number, colour: number[]) => (horizontal ? is(px, pos, line, colour) : is(px, line, pos, colour));
  const bars: Bar[] = [];
  let band: { start: number; tone: Bar['tone']; from: number; to: number } | undefined;
  for (let line = 0; line <= lines; line++) {
    let found: { tone: Bar['tone']; from: number; to: number } | undefined;
    if (line < lines) {
      for (const tone of ['primary', 'secondary'] as const) {
        for (let pos = 0; pos < along; pos++) {
          if (!at(line, pos, FILLS[tone])) continue;
          found = found && found.tone === tone ? { ...found, to: pos } : { tone, from: found?.from ?? pos, to: pos };
        }
        if (found) break;
      }
    }
    if (found && band && found.tone === band.tone) band = { ...band, from: Math.min(band.from, found.from), to: Math.max(band.to, found.to) };
    else {
      if (band) bars.push({ tone: band.tone, from: band.from, to: band.to, middle: Math.round((band.start + line - 1) / 2) });
      band = found ? { start: line, ...found } : undefined;
    }
  }
  return bars;
}

/** The first and last lines of the value axis's grid (vertical lines for horizontal bars), where a line runs a long way. */
function gridExtent(px: Pixels, horizontal: boolean): [number, number] {
  const [lines, along] = horizontal ? [px.width, px.height] : [px.height, px.width];
  const long: number[] = [];
  for (let line = 0; line < lines; line++) {
    let count = 0;
    for (let pos = 0; pos < along; pos++) if (GRID.some((c) => (horizontal ? is(px, line, pos, c) : is(px, pos, line, c)))) count++;
    if (count > along / 4) long.push(line);
  }
  return [long[0]!, long.at(-1)!];
}

describe('each drawn chart is also a PNG beside its section', () => {
  it('figures charts have no canvas and so no image', () => {
    for (const { path, chart } of charts) if (chart.type === 'figures') expect(() => readFileSync(`${DIST}${path.slice(1)}`)).toThrow();
  });

  it.each(drawn)('$path: its bars agree with its metrics, in length and colour; 不足 is hollow', async ({ chart, entry, path }) => {
    const px = await decode(path);
    const size = chartImageSize(chart, entry.metrics);
    expect([px.width, px.height]).toEqual([size.width * CHART_IMAGE_RATIO, size.height * CHART_IMAGE_RATIO]);
    const horizontal = chart.type !== 'before-after';
    const points = chartPointsOf(chart, entry.metrics);
    const bars = barsOf(px, horizontal);
    expect(bars.map((b) => b.tone)).toEqual(points.map((p) => p.tone));
    const lengths = bars.map((b) => b.to - b.from + 1);
    // Proportional to the figures: the longest bar sets the scale.
    const longest = points.reduce((best, p, i) => (Math.abs(p.value) > Math.abs(points[best]!.value) ? i : best), 0);
    const perUnit = lengths[longest]! / Math.abs(points[longest]!.value);
    points.forEach((p, i) => expect(Math.abs(lengths[i]! - Math.abs(p.value) * perUnit), `${p.label}`).toBeLessThanOrEqual(TOLERANCE));
    // Where the axis's range is fixed (a rate runs 0–100%, a change to ±100% at least), against the axis too.
    if (chart.type !== 'bar') {
      // Bars grow from zero: a column's bottom, a decline's right end, a rise's left end.
      const [first, last] = gridExtent(px, horizontal);
      const values = points.map((p) => p.value);
      const zero = !horizontal || values[0]! < 0 ? bars[0]!.to : bars[0]!.from;
      const axisPerUnit = values.some((v) => v < 0) || !horizontal ? (zero - first) / Math.abs(horizontal ? Math.min(-100, ...values) : 100) : (last - zero) / Math.max(100, ...values);
      points.forEach((p, i) => expect(Math.abs(lengths[i]! - Math.abs(p.value) * axisPerUnit), `${p.label} against the axis`).toBeLessThanOrEqual(TOLERANCE + 1));
    }
    points.forEach((p, i) => {
      const bar = bars[i]!;
      const centre = Math.round((bar.from + bar.to) / 2);
      const [x, y] = horizontal ? [centre, bar.middle] : [bar.middle, centre];
      expect(is(px, x, y, FILLS[p.tone]), `${p.label}: ${p.bound === 'upper' ? '不足 is drawn hollow' : 'a known figure is a solid bar'}`).toBe(p.bound !== 'upper');
    });
  });

  it('at least one image has a hollow bar (不足), so the check above is not vacuous', () => {
    expect(drawn.some(({ chart, entry }) => chartPointsOf(chart, entry.metrics).some((p) => p.bound === 'upper'))).toBe(true);
  });

  it.each(drawn)('/2022/full/ shows $path, lazily, with its sentence and size', ({ chart, entry, path }) => {
    const img = builtDocument('/2022/full/').querySelector(`img[src="${path}"]`);
    expect(img).not.toBeNull();
    const { width, height } = chartImageSize(chart, entry.metrics);
    expect(img!.getAttribute('alt')).toBe(chartSentence(chart, entry.metrics));
    expect([img!.getAttribute('width'), img!.getAttribute('height')]).toEqual([String(width), String(height)]);
    expect([img!.getAttribute('loading'), img!.getAttribute('decoding')]).toEqual(['lazy', 'async']);
  });

  it.each(charts.filter(({ chart }) => chart.type === 'figures'))('/2022/full/ shows $slug’s figures side by side ($id) as text, with its title', ({ slug, id, chart, entry }) => {
    const figure = builtDocument('/2022/full/').querySelector(`figure#${slug}-chart-${id}`)!;
    expect(figure.querySelector('figcaption')!.text).toBe(chart.title);
    const shown = chart.metrics.map((metricId) => entry.metrics.find((m) => m.id === metricId)!);
    expect(figure.querySelectorAll('li .figure').map((f) => f.text)).toEqual(shown.map(describeMetric));
    expect(figure.querySelector('img')).toBeNull();
  });

  it.each(drawn)('the section page carries $path for readers without scripts and for print', ({ slug, id, path }) => {
    const figure = builtDocument(`/2022/${slug}/`).querySelector(`figure#chart-${id}`)!;
    expect(figure.querySelector('noscript')!.innerHTML).toContain(`src="${path}"`);
    expect(figure.querySelector(`img.chart-print[src="${path}"]`)?.getAttribute('loading')).toBe('lazy');
  });

  it('the feed carries each section\'s chart images by absolute URL', () => {
    const feed = readFileSync(`${DIST}rss.xml`, 'utf8');
    for (const { path } of drawn) expect(feed).toMatch(new RegExp(`&lt;img src=&quot;https?://[^&]+${path.replace(/[.]/g, '\\.')}&quot;`));
  });
});
