import type { Metric } from '../../schema/metric';
import { headlineOf } from '../metrics/format';
import { achievementOrdinal } from '../ordinal';
import { absoluteUrl, editionFiles, sectionFiles } from '../paths';
import { qrSvg } from '../share/qr';
import { sourceLine, type Recap } from '../source-line';
import { editionCard, recapSummary, sectionCard, sectionPoster, textOf, type ImageHeadline, type ImageSpec } from './layouts';
import { imageRenderer, type Renderer } from './render';

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
  keyFigures: readonly { metric: Metric }[];
}

/** How many figures a poster shows: the headline figure first, then the section's other totals. */
const POSTER_FIGURES = 3;

function metricHeadline(metric: Metric): ImageHeadline {
  return { ...headlineOf(metric), label: metric.label };
}

function sectionHeadline(section: ImageSection): ImageHeadline {
  return section.headline.metric ? metricHeadline(section.headline.metric) : { quote: section.headline.text };
}

function posterHeadlines(section: ImageSection): ImageHeadline[] {
  const lead = section.headline.metric;
  if (!lead) return [{ quote: section.headline.text }];
  const others = section.metrics.filter((m) => m !== lead && !m.partOf);
  return [lead, ...others].slice(0, POSTER_FIGURES).map(metricHeadline);
}

/** Every share image of the site, by its public path. */
export async function shareImagePlan(editions: readonly ImageEdition[], site: URL | undefined): Promise<Map<string, ImageSpec>> {
  const plan = new Map<string, ImageSpec>();
  for (const edition of editions) {
    const recap = `${edition.title}——${edition.subtitle}`;
    const files = editionFiles(edition.href);
    plan.set(files.card, editionCard({ title: edition.title, subtitle: edition.subtitle, byline: edition.byline, figures: edition.keyFigures.map((k) => metricHeadline(k.metric)) }));
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
    for (const section of edition.achievements) {
      const url = absoluteUrl(section.href, site);
      const own = sectionFiles(section.href);
      const ordinal = achievementOrdinal(section.order);
      plan.set(own.card, sectionCard({ ordinal, kicker: section.kicker, title: section.title, headline: sectionHeadline(section), recap }));
      plan.set(
        own.poster,
        sectionPoster({ ordinal, kicker: section.kicker, title: section.title, headlines: posterHeadlines(section), summary: section.summary, recapTitle: edition.title, recapSubtitle: edition.subtitle, source: sourceLine(edition), url, qrSvg: await qrSvg(url) }),
      );
    }
  }
  return plan;
}

let shared: Promise<{ plan: Map<string, ImageSpec>; renderer: Renderer }> | undefined;

/** The PNG at a public path; the plan and the font are made once per build and shared by every image. */
export async function shareImage(path: string, editions: () => Promise<readonly ImageEdition[]>, site: URL | undefined): Promise<Uint8Array> {
  shared ??= editions().then(async (list) => {
    const plan = await shareImagePlan(list, site);
    return { plan, renderer: imageRenderer(() => [...plan.values()].map((spec) => textOf(spec.tree)).join('')) };
  });
  const { plan, renderer } = await shared;
  const spec = plan.get(path);
  if (!spec) throw new Error(`没有为 ${path} 安排分享图片`);
  return renderer.render(spec);
}

/** A PNG as an endpoint's response. */
export function pngResponse(png: Uint8Array): Response {
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
}
