/**
 * The chart theme: colours and type from the page's design tokens (src/styles/tokens.css), so a
 * chart follows the light or dark scheme the page is in. Pure: the caller reads the tokens.
 */

/** The tokens a chart reads, by role. */
export const CHART_TOKENS = {
  /** Painted behind the chart and its downloaded PNG: the figure's own background. */
  background: '--color-surface',
  text: '--color-text',
  muted: '--color-muted',
  grid: '--color-rule',
  /** Totals, the later point of a rate, changes. */
  primary: '--chart-primary',
  /** Named kinds among a total, the earlier point of a rate. */
  secondary: '--chart-secondary',
  font: '--font-sans',
} as const;

export type ChartRole = keyof typeof CHART_TOKENS;

export interface ChartTheme extends Record<Exclude<ChartRole, 'font'>, string> {
  fontFamily: string;
  /** CSS pixels: 12 on a phone, never less; larger with the page's text (长辈模式, a larger browser default). */
  fontSize: number;
  /** False when the reader asked for reduced motion. */
  animation: boolean;
}

/** Where the chart is drawn: its width in CSS pixels, the page's text size and the reader's motion preference. */
export interface ChartPlace {
  width: number;
  /** The root element's font size in CSS pixels: 16 by default, 20 in 长辈模式 (125%). */
  rootFontSize: number;
  reducedMotion: boolean;
}

/** The browser's default root font size, at which chart text is 12/13 px. */
const DEFAULT_ROOT_FONT_SIZE = 16;

/** The theme from a token reader, e.g. `(name) => getComputedStyle(root).getPropertyValue(name)`. */
export function chartThemeFrom(read: (token: string) => string, place: ChartPlace): ChartTheme {
  const token = (role: ChartRole) => read(CHART_TOKENS[role]).trim();
  return {
    background: token('background'),
    text: token('text'),
    muted: token('muted'),
    grid: token('grid'),
    primary: token('primary'),
    secondary: token('secondary'),
    fontFamily: token('font'),
    // Chart text grows with the page's text, never shrinks below the phone minimum.
    fontSize: Math.round((place.width < 480 ? 12 : 13) * Math.max(1, place.rootFontSize / DEFAULT_ROOT_FONT_SIZE)),
    animation: !place.reducedMotion,
  };
}

/** WCAG 2 contrast ratio of two #rrggbb (or #rgb) colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Of two text colours, the one that reads better on a fill (for a figure written inside its bar). */
export function textOn(fill: string, candidates: [string, string]): string {
  return contrastRatio(fill, candidates[0]) >= contrastRatio(fill, candidates[1]) ? candidates[0] : candidates[1];
}

/** A #rrggbb colour at an opacity, for the hollow bar of an upper bound. */
export function withAlpha(hex: string, alpha: number): string {
  const [r, g, b] = channels(hex);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function channels(hex: string): [number, number, number] {
  // The CSS minifier writes #000000 as #000: both forms are the same colour.
  const long = hex.trim().replace(/^#([0-9a-f])([0-9a-f])([0-9a-f])$/i, '#$1$1$2$2$3$3');
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(long);
  if (!match) throw new Error(`图表颜色须为 #rrggbb 或 #rgb 形式：“${hex}”`);
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}
