/**
 * The share images as satori element trees: plain data, no JSX, no DOM. Each layout is a pure
 * function of the facts it shows, so a cache key can be the tree itself. The renderer sets the
 * font (render.ts).
 */

export type Style = Record<string, string | number>;
export interface ImageNode {
  type: string;
  props: { style?: Style; children?: ImageChild | ImageChild[]; src?: string; width?: number; height?: number };
}
export type ImageChild = ImageNode | string;

/** An image to render: its element tree and its size in pixels. */
export interface ImageSpec {
  tree: ImageNode;
  width: number;
  height: number;
}

/** An achievement's headline for an image: a figure set large (with its context and label) or a quoted phrase. */
export type ImageHeadline = { figure: string; context?: string | undefined; label: string } | { quote: string };

// The site's light scheme (src/styles/tokens.css): images are shared into feeds of every colour.
const INK = '#1b1b1d';
const MUTED = '#55565b';
const PAPER = '#faf8f4';
const ACCENT = '#a3171c';
const RULE = '#d9d4ca';

function el(type: string, style: Style, ...children: ImageChild[]): ImageNode {
  return { type, props: { style: { display: 'flex', ...style }, children } };
}

/** A figure set large with its context and label; the label never smaller than `labelSize`. */
function headlineBlock(headline: ImageHeadline, size: number, labelSize = size * 0.3): ImageNode {
  if ('quote' in headline) {
    return el('div', { fontSize: size * 0.62, fontWeight: 900, color: ACCENT, lineHeight: 1.3 }, `“${headline.quote}”`);
  }
  return el(
    'div',
    { flexDirection: 'column' },
    el(
      'div',
      { alignItems: 'baseline', flexWrap: 'wrap' },
      el('div', { fontSize: size, fontWeight: 900, color: ACCENT, lineHeight: 1.1 }, headline.figure),
      ...(headline.context ? [el('div', { fontSize: Math.max(size * 0.36, labelSize), fontWeight: 700, color: ACCENT, marginLeft: 12 }, `（${headline.context}）`)] : []),
    ),
    el('div', { fontSize: labelSize, color: MUTED, marginTop: 8, lineHeight: 1.35 }, headline.label),
  );
}

export interface CardFacts {
  ordinal: string;
  kicker: string;
  title: string;
  headline: ImageHeadline;
  /** The edition's name, without 《》. */
  editionHeading: string;
}

/** 1200×630, for link previews: legible as a thumbnail, so few words, set large. */
export function achievementCard(facts: CardFacts): ImageSpec {
  const tree = el(
    'div',
    { width: '100%', height: '100%', flexDirection: 'column', backgroundColor: PAPER, color: INK },
    el('div', { height: 14, backgroundColor: ACCENT }),
    el(
      'div',
      { flexDirection: 'column', flexGrow: 1, padding: '44px 64px 0' },
      el('div', { fontSize: 34, fontWeight: 700, color: ACCENT, letterSpacing: 2 }, `${facts.ordinal} · ${facts.kicker}`),
      el('div', { fontSize: 56, fontWeight: 700, lineHeight: 1.3, marginTop: 14 }, facts.title),
      el('div', { marginTop: 'auto', marginBottom: 36 }, headlineBlock(facts.headline, 104)),
    ),
    el('div', { backgroundColor: ACCENT, color: '#ffffff', fontSize: 28, padding: '18px 64px', fontWeight: 700 }, facts.editionHeading),
  );
  return { tree, width: 1200, height: 630 };
}

export interface EditionCardFacts {
  title: string;
  subtitle: string;
  byline: readonly string[];
  figures: readonly ImageHeadline[];
}

/** 1200×630 for the fronts: the title block and a few key figures. */
export function editionCard(facts: EditionCardFacts): ImageSpec {
  const tree = el(
    'div',
    { width: '100%', height: '100%', flexDirection: 'column', backgroundColor: PAPER, color: INK },
    el(
      'div',
      { flexDirection: 'column', alignItems: 'center', backgroundColor: ACCENT, color: '#ffffff', padding: '48px 64px 40px' },
      el('div', { fontSize: 64, fontWeight: 900, letterSpacing: 4 }, facts.title),
      el('div', { fontSize: 40, fontWeight: 700, marginTop: 10 }, facts.subtitle),
      el('div', { fontSize: 26, marginTop: 12, opacity: 0.9 }, facts.byline.join('  ')),
    ),
    el(
      'div',
      { flexGrow: 1, padding: '40px 48px', justifyContent: 'space-between', alignItems: 'flex-start' },
      ...facts.figures.slice(0, 3).map((figure) => el('div', { width: 340, borderLeft: `6px solid ${ACCENT}`, paddingLeft: 20 }, headlineBlock(figure, 60))),
    ),
  );
  return { tree, width: 1200, height: 630 };
}

export interface PosterFacts {
  ordinal: string;
  kicker: string;
  title: string;
  headlines: readonly ImageHeadline[];
  /** The achievement's one sentence in its own words (no figures). */
  summary: string;
  editionTitle: string;
  editionSubtitle: string;
  source: string;
  url: string;
  /** The QR code of the achievement's URL, an SVG document. */
  qrSvg: string;
}

/** 1080×1440, for WeChat Moments and Weibo, where links lose their cards: the figures and a QR code. */
export function achievementPoster(facts: PosterFacts): ImageSpec {
  const tree = el(
    'div',
    { width: '100%', height: '100%', flexDirection: 'column', backgroundColor: PAPER, color: INK },
    el(
      'div',
      { flexDirection: 'column', flexShrink: 0, backgroundColor: ACCENT, color: '#ffffff', padding: '36px 72px' },
      el('div', { fontSize: 44, fontWeight: 900, letterSpacing: 2 }, facts.editionTitle),
      el('div', { fontSize: 32, fontWeight: 700, marginTop: 6 }, facts.editionSubtitle),
    ),
    // The body gives way (clipped) before the credit and the QR code would.
    el(
      'div',
      { flexDirection: 'column', padding: '44px 72px 0', flexGrow: 1, flexShrink: 1, overflow: 'hidden' },
      el('div', { fontSize: 36, fontWeight: 700, color: ACCENT, letterSpacing: 2 }, `${facts.ordinal} · ${facts.kicker}`),
      el('div', { fontSize: 60, fontWeight: 900, lineHeight: 1.3, marginTop: 12 }, facts.title),
      el(
        'div',
        { flexDirection: 'column', marginTop: 32, borderTop: `2px solid ${RULE}` },
        ...facts.headlines.map((headline) => el('div', { paddingTop: 20, paddingBottom: 16, borderBottom: `2px solid ${RULE}` }, headlineBlock(headline, 72, 28))),
      ),
      el('div', { fontSize: 26, lineHeight: 1.5, color: INK, marginTop: 24 }, facts.summary),
    ),
    el(
      'div',
      { flexShrink: 0, padding: '24px 72px 48px', alignItems: 'flex-end', justifyContent: 'space-between' },
      el(
        'div',
        { flexDirection: 'column', width: 640, fontSize: 26, color: MUTED, lineHeight: 1.5 },
        el('div', {}, facts.source),
        el('div', { marginTop: 12, fontSize: 22 }, facts.url),
      ),
      el(
        'div',
        { flexDirection: 'column', alignItems: 'center' },
        { type: 'img', props: { src: svgDataUri(facts.qrSvg), width: 200, height: 200, style: { width: 200, height: 200 } } },
        el('div', { fontSize: 26, color: INK, marginTop: 8 }, '微信扫一扫 阅读全文'),
      ),
    ),
  );
  return { tree, width: 1080, height: 1440 };
}

export interface SummaryFacts {
  title: string;
  subtitle: string;
  byline: readonly string[];
  achievements: readonly { ordinal: string; kicker: string; title: string; headline: ImageHeadline }[];
  source: string;
  url: string;
  qrSvg: string;
}

const SUMMARY_HEAD = 360;
const SUMMARY_ROW = 230;
const SUMMARY_FOOT = 300;

/** 一图读懂: 1080 wide, as tall as its edition's achievements need (ten in 2022). */
export function editionSummary(facts: SummaryFacts): ImageSpec {
  const tree = el(
    'div',
    { width: '100%', height: '100%', flexDirection: 'column', backgroundColor: PAPER, color: INK },
    el(
      'div',
      { height: SUMMARY_HEAD, flexDirection: 'column', alignItems: 'center', justifyContent: 'center', backgroundColor: ACCENT, color: '#ffffff' },
      el('div', { fontSize: 30, fontWeight: 700, letterSpacing: 12 }, '一图读懂'),
      el('div', { fontSize: 58, fontWeight: 900, marginTop: 16, letterSpacing: 3 }, facts.title),
      el('div', { fontSize: 40, fontWeight: 700, marginTop: 8 }, facts.subtitle),
      el('div', { fontSize: 26, marginTop: 12, opacity: 0.9 }, facts.byline.join('  ')),
    ),
    ...facts.achievements.map((achievement, i) =>
      el(
        'div',
        { height: SUMMARY_ROW, padding: '26px 56px', borderBottom: `2px solid ${RULE}`, backgroundColor: i % 2 ? PAPER : '#ffffff' },
        el('div', { width: 84, fontSize: 56, fontWeight: 900, color: ACCENT, lineHeight: 1 }, String(i + 1).padStart(2, '0')),
        el(
          'div',
          { flexDirection: 'column', flexGrow: 1, width: 0 },
          el('div', { fontSize: 26, fontWeight: 700, color: ACCENT }, `${achievement.ordinal} · ${achievement.kicker}`),
          el('div', { fontSize: 34, fontWeight: 700, marginTop: 4, lineHeight: 1.3 }, achievement.title),
          el('div', { marginTop: 10 }, headlineBlock(achievement.headline, 50, 22)),
        ),
      ),
    ),
    el(
      'div',
      { height: SUMMARY_FOOT, padding: '40px 56px', alignItems: 'center', justifyContent: 'space-between' },
      el('div', { flexDirection: 'column', width: 700, fontSize: 26, color: MUTED, lineHeight: 1.5 }, el('div', {}, facts.source), el('div', { marginTop: 12, fontSize: 22 }, facts.url)),
      el(
        'div',
        { flexDirection: 'column', alignItems: 'center' },
        { type: 'img', props: { src: svgDataUri(facts.qrSvg), width: 180, height: 180, style: { width: 180, height: 180 } } },
        el('div', { fontSize: 22, marginTop: 6 }, '微信扫一扫'),
      ),
    ),
  );
  return { tree, width: 1080, height: SUMMARY_HEAD + facts.achievements.length * SUMMARY_ROW + SUMMARY_FOOT };
}

function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** Every string an image prints, for cutting the font to exactly those characters. */
export function textOf(node: ImageChild): string {
  if (typeof node === 'string') return node;
  const children = node.props.children;
  return (Array.isArray(children) ? children : children === undefined ? [] : [children]).map(textOf).join('');
}
