import type { Chart } from '../../schema/chart';
import type { Metric } from '../../schema/metric';
import { chartImageSpec, hasChartImage, type ChartImageSpec } from '../charts/chart-image';
import { headlineOf, standaloneLabel } from '../metrics/format';
import { achievementOrdinal } from '../ordinal';
import { absoluteUrl, chartImagePath, editionFiles, achievementFiles } from '../paths';
import { qrSvg } from '../share/qr';
import { sourceLine, type EditionCredit } from '../source-line';
import { editionCard, editionSummary, achievementCard, achievementPoster, type ImageHeadline, type ImageSpec } from './layouts';
import { editionHeading } from '../headings';

/** What the images need of an achievement (an Achievement has it all). */
export interface ImageAchievement {
  order: number;
  kicker: string;
  title: string;
  summary: string;
  href: string;
  metrics: readonly Metric[];
  headline: { metric: Metric; text?: never } | { text: string; metric?: never };
}

export interface ImageEdition extends EditionCredit {
  href: string;
  achievements: readonly ImageAchievement[];
  keyFigures: readonly { metric: Metric; achievement: { metrics: readonly Metric[] } }[];
}

/** How many figures a poster shows: the headline figure first, then the achievement's other totals. */
const POSTER_FIGURES = 3;

function metricHeadline(metric: Metric, metrics: readonly Metric[]): ImageHeadline {
  return { ...headlineOf(metric), label: standaloneLabel(metric, metrics) };
}

function achievementHeadline(achievement: ImageAchievement): ImageHeadline {
  return achievement.headline.metric ? metricHeadline(achievement.headline.metric, achievement.metrics) : { quote: achievement.headline.text };
}

function posterHeadlines(achievement: ImageAchievement): ImageHeadline[] {
  const lead = achievement.headline.metric;
  if (!lead) return [{ quote: achievement.headline.text }];
  const others = achievement.metrics.filter((m) => m !== lead && !m.partOf);
  return [lead, ...others].slice(0, POSTER_FIGURES).map((m) => metricHeadline(m, achievement.metrics));
}

/**
 * Every share image of the site, by its public path, in the order a build asks for them (Astro
 * renders all paths of one route together): the editions' images, the achievements' cards, their posters.
 */
export async function shareImagePlan(editions: readonly ImageEdition[], site: URL | undefined): Promise<Map<string, ImageSpec>> {
  const plan = new Map<string, ImageSpec>();
  for (const edition of editions) {
    const files = editionFiles(edition.href);
    plan.set(files.card, editionCard({ title: edition.title, subtitle: edition.subtitle, byline: edition.byline, figures: edition.keyFigures.map((k) => metricHeadline(k.metric, k.achievement.metrics)) }));
    const editionUrl = absoluteUrl(edition.href, site);
    plan.set(
      files.summary,
      editionSummary({
        title: edition.title,
        subtitle: edition.subtitle,
        byline: edition.byline,
        achievements: edition.achievements.map((a) => ({ ordinal: achievementOrdinal(a.order), kicker: a.kicker, title: a.title, headline: achievementHeadline(a) })),
        source: sourceLine(edition),
        url: editionUrl,
        qrSvg: await qrSvg(editionUrl),
      }),
    );
  }
  const achievements = editions.flatMap((edition) => edition.achievements.map((achievement) => ({ edition, achievement, ordinal: achievementOrdinal(achievement.order) })));
  for (const { edition, achievement, ordinal } of achievements) {
    plan.set(achievementFiles(achievement.href).card, achievementCard({ ordinal, kicker: achievement.kicker, title: achievement.title, headline: achievementHeadline(achievement), editionHeading: editionHeading(edition) }));
  }
  for (const { edition, achievement, ordinal } of achievements) {
    const url = absoluteUrl(achievement.href, site);
    plan.set(
      achievementFiles(achievement.href).poster,
      achievementPoster({ ordinal, kicker: achievement.kicker, title: achievement.title, headlines: posterHeadlines(achievement), summary: achievement.summary, editionTitle: edition.title, editionSubtitle: edition.subtitle, source: sourceLine(edition), url, qrSvg: await qrSvg(url) }),
    );
  }
  return plan;
}

/** What the chart images need of an edition: its credit, and each achievement's address, metrics and charts. */
export interface ChartImageEdition extends EditionCredit {
  achievements: readonly { href: string; metrics: readonly Metric[]; charts: readonly Chart[] }[];
}

/** Every drawn chart of the site as an image, by its public path (/2022/muck-trucks/violations.png); `figures` has no canvas and no image. */
export function chartImagePlan(editions: readonly ChartImageEdition[], site: URL | undefined): Map<string, ChartImageSpec> {
  const plan = new Map<string, ChartImageSpec>();
  for (const edition of editions) {
    for (const achievement of edition.achievements) {
      // The address without its scheme, as the page's 下载图片 prints it.
      const address = absoluteUrl(achievement.href, site).replace(/^https?:\/\//, '');
      const { card, poster } = achievementFiles(achievement.href);
      for (const chart of achievement.charts.filter(hasChartImage)) {
        const path = chartImagePath(achievement.href, chart.id);
        if (path === card || path === poster) throw new Error(`${achievement.href} 的 charts：id “${chart.id}” 与分享图片 ${path} 同名，请改用别的 id`);
        plan.set(path, chartImageSpec(chart, achievement.metrics, [sourceLine(edition), address]));
      }
    }
  }
  return plan;
}
