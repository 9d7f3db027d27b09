import { chartImageSize, hasChartImage } from '../charts/chart-image';
import type { Achievement, Edition } from '../content';
import { toCsv } from '../data/csv';
import { dataFile, jsonText } from '../data/records';
import { absoluteUrl, chartImagePath, editionFiles, achievementFiles } from '../paths';
import { editionCitation, achievementCitation } from './citation';
import { kitDocx, zipKit, type DocxAchievement, type KitFile } from './press-kit';
import { editionRepostText, repostText } from './repost';
import type { ChartImage } from './rich-text';

/** An achievement's drawn charts as the build publishes them (a `figures` chart has no image), in the page's order. */
export function achievementChartImages(achievement: Achievement): ChartImage[] {
  return achievement.charts.filter(hasChartImage).map((chart) => ({ path: chartImagePath(achievement.href, chart.id), chart, ...chartImageSize(chart, achievement.metrics) }));
}

/** The bytes of a PNG the site publishes, by its public path: the same bytes the reader downloads. */
export type PublishedPng = (path: string) => Promise<Uint8Array>;

function docxAchievement(achievement: Achievement, site: URL | undefined): DocxAchievement {
  const { kicker, title, metrics, paragraphs } = achievement;
  return { kicker, title, metrics, paragraphs, url: absoluteUrl(achievement.href, site) };
}

/** A PNG a kit holds: its name in the kit and its public path. */
export interface KitImage {
  name: string;
  path: string;
}

/** The images of an achievement's kit: its card, poster and drawn charts. */
export function achievementKitImages(achievement: Achievement): KitImage[] {
  const files = achievementFiles(achievement.href);
  return [
    { name: 'card.png', path: files.card },
    { name: 'poster.png', path: files.poster },
    ...achievementChartImages(achievement).map(({ path, chart }) => ({ name: `${chart.id}.png`, path })),
  ];
}

/** The images of an edition's kit: its card, its 一图读懂 and every achievement's drawn charts under charts/. */
export function editionKitImages(edition: Edition): KitImage[] {
  const files = editionFiles(edition.href);
  return [
    { name: 'card.png', path: files.card },
    { name: 'summary.png', path: files.summary },
    ...edition.achievements.flatMap((a) => achievementChartImages(a).map(({ path, chart }) => ({ name: `charts/${a.slug}-${chart.id}.png`, path }))),
  ];
}

const withBytes = (images: KitImage[], png: PublishedPng) => Promise.all(images.map(async ({ name, path }) => ({ name, data: await png(path) })));

/**
 * An achievement's 素材包, folder 2022-muck-trucks/: its text (.txt and .docx), card, poster, each chart's
 * PNG, its data as CSV and JSON (the published files' bytes), and its citation.
 */
export async function achievementPressKit(edition: Edition, achievement: Achievement, site: URL | undefined, png: PublishedPng): Promise<Uint8Array<ArrayBuffer>> {
  const docx = docxAchievement(achievement, site);
  const data = dataFile(edition, [achievement], site);
  const kit: KitFile[] = [
    { name: `${achievement.slug}.txt`, data: `${repostText(edition, achievement, achievement.text, docx.url)}\n` },
    { name: `${achievement.slug}.docx`, data: await kitDocx(edition, [docx]) },
    ...(await withBytes(achievementKitImages(achievement), png)),
    { name: 'data.csv', data: toCsv(data) },
    { name: 'data.json', data: jsonText(data) },
    { name: 'citation.txt', data: `${achievementCitation(edition, achievement, docx.url)}\n` },
  ];
  return zipKit(`${edition.year}-${achievement.slug}`, kit);
}

/**
 * An edition's 素材包, folder 2022/: the whole edition's text (.txt and .docx), its card and 一图读懂
 * long image, every achievement's chart PNGs under charts/, the data as CSV and JSON, and its citation.
 */
export async function editionPressKit(edition: Edition, site: URL | undefined, png: PublishedPng): Promise<Uint8Array<ArrayBuffer>> {
  const url = absoluteUrl(edition.href, site);
  const docxAchievements = edition.achievements.map((a) => docxAchievement(a, site));
  const achievements = edition.achievements.map((a, i) => ({ kicker: a.kicker, title: a.title, text: a.text, url: docxAchievements[i]!.url }));
  const data = dataFile(edition, edition.achievements, site);
  const kit: KitFile[] = [
    { name: `${edition.year}.txt`, data: `${editionRepostText(edition, achievements, url)}\n` },
    { name: `${edition.year}.docx`, data: await kitDocx(edition, docxAchievements, { lead: edition.lead, url }) },
    ...(await withBytes(editionKitImages(edition), png)),
    { name: 'data.csv', data: toCsv(data) },
    { name: 'data.json', data: jsonText(data) },
    { name: 'citation.txt', data: `${editionCitation(edition, url)}\n` },
  ];
  return zipKit(String(edition.year), kit);
}
