/**
 * A chart as a picture to keep: its canvas on a painted background, the title above and the credit
 * below. The page's 下载图片 (draw-chart.ts, in the browser) and the build's chart PNGs
 * (src/lib/charts/draw-image.ts, on @napi-rs/canvas) both compose through here, so they look alike.
 */
import type { ChartTheme } from '@/lib/charts/theme';

/** CSS pixels around and between the parts. */
const PAD = 16;
const TITLE_SIZE = 17;
const CREDIT_SIZE = 12;
const CREDIT_LEADING = 1.5;

/** The composed picture's size, in the units of `ratio` (device pixels when ratio is the canvas's). */
export function composedSize(chart: { width: number; height: number }, ratio: number, creditLines: number): { width: number; height: number } {
  const credit = CREDIT_SIZE * ratio * (1 + CREDIT_LEADING * (creditLines - 1));
  return { width: chart.width + 2 * PAD * ratio, height: chart.height + TITLE_SIZE * ratio + credit + 4 * PAD * ratio };
}

// Only what composing uses, so a DOM canvas and @napi-rs/canvas both fit. Properties are written,
// never read: `unknown` accepts either library's (wider or narrower) types.
interface Paint<Image> {
  fillStyle: unknown;
  font: unknown;
  textBaseline: unknown;
  fillRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
  drawImage(image: Image, x: number, y: number): void;
}

/**
 * Paints `source` (a drawn chart, `ratio` device pixels per CSS pixel) onto `out`, which must have
 * composedSize; each credit line is written in the muted colour under the chart.
 */
export function composeChart<Image extends { width: number; height: number }>(
  source: Image,
  ratio: number,
  text: { title: string; credit: readonly string[] },
  theme: Pick<ChartTheme, 'background' | 'text' | 'muted' | 'fontFamily'>,
  out: { width: number; height: number; getContext(kind: '2d'): Paint<NoInfer<Image>> | null },
): void {
  const pad = PAD * ratio;
  const titleSize = TITLE_SIZE * ratio;
  const creditSize = CREDIT_SIZE * ratio;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.textBaseline = 'top';
  ctx.fillStyle = theme.text;
  ctx.font = `700 ${titleSize}px ${theme.fontFamily}`;
  ctx.fillText(text.title, pad, pad, source.width);
  ctx.drawImage(source, pad, 2 * pad + titleSize);
  ctx.fillStyle = theme.muted;
  ctx.font = `400 ${creditSize}px ${theme.fontFamily}`;
  const firstLine = 3 * pad + titleSize + source.height;
  text.credit.forEach((line, i) => ctx.fillText(line, pad, firstLine + i * creditSize * CREDIT_LEADING, source.width));
}
