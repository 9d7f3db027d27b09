import { chartImageSize, hasChartImage } from '../charts/chart-image';
import type { Achievement, Edition } from '../content';
import { toCsv } from '../data/csv';
import { dataFile, jsonText } from '../data/records';
import { absoluteUrl, chartImagePath, editionFiles, sectionFiles } from '../paths';
import { recapCitation, sectionCitation } from './citation';
import { paragraphsOf, textOfParagraphs } from './plain-text';
import { kitDocx, zipKit, type DocxSection, type KitFile } from './press-kit';
import { recapText, repostText } from './repost';
import type { ChartImage } from './rich-text';

/** A section's drawn charts as the build publishes them (a `figures` chart has no image), in the page's order. */
export function sectionChartImages(achievement: Achievement): ChartImage[] {
  return achievement.charts.filter(hasChartImage).map((chart) => ({ path: chartImagePath(achievement.href, chart.id), chart, ...chartImageSize(chart, achievement.metrics) }));
}

/** The bytes of a PNG the site publishes, by its public path: the same bytes the reader downloads. */
export type PublishedPng = (path: string) => Promise<Uint8Array>;

function docxSection(achievement: Achievement, site: URL | undefined): DocxSection {
  const { kicker, title, metrics, file } = achievement;
  return { kicker, title, metrics, paragraphs: paragraphsOf(achievement.entry.body, metrics, file), url: absoluteUrl(achievement.href, site) };
}

/** A PNG a kit holds: its name in the kit and its public path. */
export interface KitImage {
  name: string;
  path: string;
}

/** The images of a section's kit: its card, poster and drawn charts. */
export function sectionKitImages(achievement: Achievement): KitImage[] {
  const files = sectionFiles(achievement.href);
  return [
    { name: 'card.png', path: files.card },
    { name: 'poster.png', path: files.poster },
    ...sectionChartImages(achievement).map(({ path, chart }) => ({ name: `${chart.id}.png`, path })),
  ];
}

/** The images of an edition's kit: its card, its 一图读懂 and every section's drawn charts under charts/. */
export function editionKitImages(edition: Edition): KitImage[] {
  const files = editionFiles(edition.href);
  return [
    { name: 'card.png', path: files.card },
    { name: 'summary.png', path: files.summary },
    ...edition.achievements.flatMap((a) => sectionChartImages(a).map(({ path, chart }) => ({ name: `charts/${a.slug}-${chart.id}.png`, path }))),
  ];
}

const withBytes = (images: KitImage[], png: PublishedPng) => Promise.all(images.map(async ({ name, path }) => ({ name, data: await png(path) })));

/**
 * A section's 素材包, folder 2022-muck-trucks/: its text (.txt and .docx), card, poster, each chart's
 * PNG, its data as CSV and JSON (the published files' bytes), and its citation.
 */
export async function sectionPressKit(edition: Edition, achievement: Achievement, site: URL | undefined, png: PublishedPng): Promise<Uint8Array<ArrayBuffer>> {
  const section = docxSection(achievement, site);
  const data = dataFile(edition, [achievement], site);
  const kit: KitFile[] = [
    { name: `${achievement.slug}.txt`, data: `${repostText(edition, achievement, textOfParagraphs(section.paragraphs), section.url)}\n` },
    { name: `${achievement.slug}.docx`, data: await kitDocx(edition, [section]) },
    ...(await withBytes(sectionKitImages(achievement), png)),
    { name: 'data.csv', data: toCsv(data) },
    { name: 'data.json', data: jsonText(data) },
    { name: 'citation.txt', data: `${sectionCitation(edition, achievement, section.url)}\n` },
  ];
  return zipKit(`${edition.year}-${achievement.slug}`, kit);
}

/**
 * An edition's 素材包, folder 2022/: the whole recap's text (.txt and .docx), its card and 一图读懂
 * long image, every section's chart PNGs under charts/, the data as CSV and JSON, and its citation.
 */
export async function editionPressKit(edition: Edition, site: URL | undefined, png: PublishedPng): Promise<Uint8Array<ArrayBuffer>> {
  const url = absoluteUrl(edition.href, site);
  const docxSections = edition.achievements.map((a) => docxSection(a, site));
  const sections = docxSections.map(({ kicker, title, paragraphs, url }) => ({ kicker, title, text: textOfParagraphs(paragraphs), url }));
  const data = dataFile(edition, edition.achievements, site);
  const kit: KitFile[] = [
    { name: `${edition.year}.txt`, data: `${recapText(edition, sections, url)}\n` },
    { name: `${edition.year}.docx`, data: await kitDocx(edition, docxSections, { lead: edition.lead, url }) },
    ...(await withBytes(editionKitImages(edition), png)),
    { name: 'data.csv', data: toCsv(data) },
    { name: 'data.json', data: jsonText(data) },
    { name: 'citation.txt', data: `${recapCitation(edition, url)}\n` },
  ];
  return zipKit(String(edition.year), kit);
}
