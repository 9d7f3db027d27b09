import type { Chart } from '../../schema/chart';
import type { Metric } from '../../schema/metric';
import { chartImageSpec, chartImageText, hasChartImage, type ChartImageSpec } from '../charts/chart-image';
import { headlineOf, standaloneLabel } from '../metrics/format';
import { achievementOrdinal } from '../ordinal';
import { absoluteUrl, chartImagePath, editionFiles, sectionFiles } from '../paths';
import { qrSvg } from '../share/qr';
import { sourceLine, type Recap } from '../source-line';
import { editionCard, recapSummary, sectionCard, sectionPoster, textOf, type ImageHeadline, type ImageSpec } from './layouts';
import { imageKey, imageRenderer, type DrawSpec, type Renderer } from './render';

/** What the images need of a section (an Achievement has it all). */
export interface ImageSection {
  order: number;
  kicker: string;
  title: string;
  summary: string;
  href: string;
  metrics: readonly Metric[];
  headline: { metric: Metric; text?: never } | { text: string; metric?: never };
}

export interface ImageEdition extends Recap {
  href: string;
  achievements: readonly ImageSection[];
  keyFigures: readonly { metric: Metric; achievement: { metrics: readonly Metric[] } }[];
}

/** How many figures a poster shows: the headline figure first, then the section's other totals. */
const POSTER_FIGURES = 3;

function metricHeadline(metric: Metric, metrics: readonly Metric[]): ImageHeadline {
  return { ...headlineOf(metric), label: standaloneLabel(metric, metrics) };
}

function sectionHeadline(section: ImageSection): ImageHeadline {
  return section.headline.metric ? metricHeadline(section.headline.metric, section.metrics) : { quote: section.headline.text };
}

function posterHeadlines(section: ImageSection): ImageHeadline[] {
  const lead = section.headline.metric;
  if (!lead) return [{ quote: section.headline.text }];
  const others = section.metrics.filter((m) => m !== lead && !m.partOf);
  return [lead, ...others].slice(0, POSTER_FIGURES).map((m) => metricHeadline(m, section.metrics));
}

/**
 * Every share image of the site, by its public path, in the order a build asks for them (Astro
 * renders all paths of one route together): the editions' images, the sections' cards, their posters.
 */
export async function shareImagePlan(editions: readonly ImageEdition[], site: URL | undefined): Promise<Map<string, ImageSpec>> {
  const plan = new Map<string, ImageSpec>();
  for (const edition of editions) {
    const files = editionFiles(edition.href);
    plan.set(files.card, editionCard({ title: edition.title, subtitle: edition.subtitle, byline: edition.byline, figures: edition.keyFigures.map((k) => metricHeadline(k.metric, k.achievement.metrics)) }));
    const editionUrl = absoluteUrl(edition.href, site);
    plan.set(
      files.summary,
      recapSummary({
        title: edition.title,
        subtitle: edition.subtitle,
        byline: edition.byline,
        sections: edition.achievements.map((a) => ({ ordinal: achievementOrdinal(a.order), kicker: a.kicker, title: a.title, headline: sectionHeadline(a) })),
        source: sourceLine(edition),
        url: editionUrl,
        qrSvg: await qrSvg(editionUrl),
      }),
    );
  }
  const sections = editions.flatMap((edition) => edition.achievements.map((section) => ({ edition, section, ordinal: achievementOrdinal(section.order) })));
  for (const { edition, section, ordinal } of sections) {
    plan.set(sectionFiles(section.href).card, sectionCard({ ordinal, kicker: section.kicker, title: section.title, headline: sectionHeadline(section), recap: `${edition.title}——${edition.subtitle}` }));
  }
  for (const { edition, section, ordinal } of sections) {
    const url = absoluteUrl(section.href, site);
    plan.set(
      sectionFiles(section.href).poster,
      sectionPoster({ ordinal, kicker: section.kicker, title: section.title, headlines: posterHeadlines(section), summary: section.summary, recapTitle: edition.title, recapSubtitle: edition.subtitle, source: sourceLine(edition), url, qrSvg: await qrSvg(url) }),
    );
  }
  return plan;
}

/** What the chart images need of an edition: its credit, and each section's address, metrics and charts. */
export interface ChartImageEdition extends Recap {
  achievements: readonly { href: string; metrics: readonly Metric[]; charts: readonly Chart[] }[];
}

/** Every drawn chart of the site as an image, by its public path (/2022/muck-trucks/violations.png); `figures` has no canvas and no image. */
export function chartImagePlan(editions: readonly ChartImageEdition[], site: URL | undefined): Map<string, ChartImageSpec> {
  const plan = new Map<string, ChartImageSpec>();
  for (const edition of editions) {
    for (const section of edition.achievements) {
      // The address without its scheme, as the page's 下载图片 prints it.
      const address = absoluteUrl(section.href, site).replace(/^https?:\/\//, '');
      const { card, poster } = sectionFiles(section.href);
      for (const chart of section.charts.filter(hasChartImage)) {
        const path = chartImagePath(section.href, chart.id);
        if (path === card || path === poster) throw new Error(`${section.href} 的 charts：id “${chart.id}” 与分享图片 ${path} 同名，请改用别的 id`);
        plan.set(path, chartImageSpec(chart, section.metrics, [sourceLine(edition), address]));
      }
    }
  }
  return plan;
}

let shared: Promise<{ plan: Map<string, DrawSpec>; renderer: Renderer }> | undefined;

/** The plan and the renderer of this build, made once and shared by every image; posters and charts print the build's SITE_URL. */
function sharedImages(editions: () => Promise<readonly (ImageEdition & ChartImageEdition)[]>) {
  shared ??= editions().then(async (list) => {
    const site = import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined;
    const plan = new Map<string, DrawSpec>([...(await shareImagePlan(list, site)), ...chartImagePlan(list, site)]);
    return { plan, renderer: imageRenderer(() => [...plan.values()].map((spec) => ('tree' in spec ? textOf(spec.tree) : chartImageText(spec))).join('')) };
  });
  return shared;
}

let scheduled = false;

interface Route<Props> {
  params: Record<string, string>;
  props: Props;
}

/**
 * getStaticPaths for an image endpoint. Astro asks every route for its paths before it renders the
 * first page, so this is where every share image of the build starts drawing on the worker threads,
 * while the main thread renders pages; each endpoint then collects its own. A path's cacheKey (for
 * Astro's incremental build) is its image's content key, the same one the image cache uses.
 */
export function shareImageRoutes<Props>(
  routes: () => Promise<Route<Props>[]>,
  imagePath: (props: Props) => string,
  editions: () => Promise<readonly (ImageEdition & ChartImageEdition)[]>,
): () => Promise<(Route<Props & { image: string }> & { cacheKey: string })[]> {
  return async () => {
    const { plan, renderer } = await sharedImages(editions);
    // Every image not in the cache, even one whose route Astro will copy from its last build: the
    // two caches are emptied together in practice, and checking Astro's record would mean reading
    // its private files.
    if (!scheduled) {
      scheduled = true;
      for (const [path, spec] of plan) void renderer.schedule(spec, path);
    }
    return (await routes()).map(({ params, props }) => {
      const image = imagePath(props);
      return { params, props: { ...props, image }, cacheKey: imageKey(planned(plan, image)) };
    });
  };
}

function planned(plan: Map<string, DrawSpec>, path: string): DrawSpec {
  const spec = plan.get(path);
  if (!spec) throw new Error(`没有为 ${path} 安排图片`);
  return spec;
}

/** The content keys of the images at these public paths, for the cacheKey of a file that holds them (a press kit). */
export async function shareImageKeys(paths: readonly string[], editions: () => Promise<readonly (ImageEdition & ChartImageEdition)[]>): Promise<string[]> {
  const { plan } = await sharedImages(editions);
  return paths.map((path) => imageKey(planned(plan, path)));
}

/** The PNG at a public path. */
export async function shareImage(path: string, editions: () => Promise<readonly (ImageEdition & ChartImageEdition)[]>): Promise<Uint8Array<ArrayBuffer>> {
  const { plan, renderer } = await sharedImages(editions);
  return renderer.render(planned(plan, path), path);
}

/** A PNG as an endpoint's response. */
export function pngResponse(png: Uint8Array<ArrayBuffer>): Response {
  return new Response(png, { headers: { 'content-type': 'image/png' } });
}
