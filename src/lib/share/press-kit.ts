import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { Metric } from '../../schema/metric';
import { sourceLine, type EditionCredit } from '../source-line';
import type { Run } from './plain-text';
import { metricRows } from './rich-text';
import { achievementHeading, editionHeading } from '../headings';

/**
 * Every entry's time in a press kit: 1980-01-01 00:00, the earliest a ZIP can record, as reproducible
 * builds use. A ZIP stores local time without a zone, so it is made from local fields, the same on
 * every machine. The source gives no date to use instead.
 */
const ZIP_TIME = new Date(1980, 0, 1);
/** Already compressed: stored as they are, which costs nothing to unpack and saves no bytes anyway. */
const STORED = /\.(png|docx|zip)$/;

/** A file of a press kit: its name inside the kit's folder and its bytes or UTF-8 text. */
export interface KitFile {
  name: string;
  data: Uint8Array | string;
}

/** The press kit as a ZIP, its files in one folder, in the given order; the same files give the same bytes. */
export function zipKit(folder: string, files: readonly KitFile[]): Uint8Array<ArrayBuffer> {
  const entries: Zippable = {};
  for (const { name, data } of files) {
    const path = `${folder}/${name}`;
    if (path in entries) throw new Error(`素材包 ${folder} 中有两个同名文件 ${name}`);
    entries[path] = [typeof data === 'string' ? strToU8(data) : data, { level: STORED.test(name) ? 0 : 9, mtime: ZIP_TIME }];
  }
  return zipSync(entries, { mtime: ZIP_TIME });
}

/** An achievement in a press kit's document: its heading, its text as runs, its table of figures, its link. */
export interface DocxAchievement {
  kicker: string;
  title: string;
  paragraphs: readonly (readonly Run[])[];
  metrics: readonly Metric[];
  url: string;
}

/** The edition's own front matter, for an edition's document. */
export interface DocxFront {
  lead: string;
  url: string;
}

const text = (value: string, bold = false) => new TextRun({ text: value, bold });

function figureTable(metrics: readonly Metric[]): (Paragraph | Table)[] {
  if (!metrics.length) return [];
  const cell = (children: TextRun[]) => new TableCell({ children: [new Paragraph({ children })] });
  const rows = metricRows(metrics).map(
    ({ label, note, figure }) => new TableRow({ children: [cell(note ? [text(label), text(note)] : [text(label)]), cell([text(figure, true)])] }),
  );
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_3, children: [text('本节数据')] }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [new TableRow({ tableHeader: true, children: [cell([text('指标')]), cell([text('数据')])] }), ...rows] }),
  ];
}

/** An achievement's heading, paragraphs and table, then the credit where given (an achievement's own document) and its link. */
function achievementBlocks(achievement: DocxAchievement, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel], credit?: string): (Paragraph | Table)[] {
  return [
    new Paragraph({ heading, children: [text(achievementHeading(achievement))] }),
    ...achievement.paragraphs.map((runs) => new Paragraph({ children: runs.map((run) => (run.figure === undefined ? text(run.text) : text(run.figure, true))) })),
    ...figureTable(achievement.metrics),
    ...(credit ? [new Paragraph({ children: [text(credit)] })] : []),
    new Paragraph({ children: [text(`原文链接：${achievement.url}`)] }),
  ];
}

/**
 * A Word document (.docx, made by the `docx` package) of one achievement, or of the whole edition when
 * `front` is given: headings, paragraphs with the figures bold, each achievement's table of figures, the
 * credit and the links. It is made reproducible afterwards: `docx` stamps the time of packing in its
 * properties and in its ZIP entries, and neither says anything a newsroom needs.
 */
export async function kitDocx(edition: EditionCredit, achievements: readonly DocxAchievement[], front?: DocxFront): Promise<Uint8Array<ArrayBuffer>> {
  const blocks = front
    ? [
        new Paragraph({ heading: HeadingLevel.TITLE, children: [text(edition.title)] }),
        new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text(edition.subtitle)] }),
        new Paragraph({ children: [text(edition.byline.join(' '))] }),
        new Paragraph({ children: [text(front.lead)] }),
        ...achievements.flatMap((achievement) => achievementBlocks(achievement, HeadingLevel.HEADING_2)),
        new Paragraph({ children: [text(sourceLine(edition))] }),
        new Paragraph({ children: [text(`全文链接：${front.url}`)] }),
      ]
    : achievements.flatMap((achievement) => achievementBlocks(achievement, HeadingLevel.HEADING_1, sourceLine(edition)));
  const [first] = achievements;
  const title = front || !first ? editionHeading(edition) : achievementHeading(first);
  const authors = edition.byline.join('、');
  const document = new Document({ title, creator: authors, lastModifiedBy: authors, sections: [{ children: blocks }] });
  const packed = unzipSync(await Packer.toBuffer(document));
  const files: Zippable = {};
  for (const [path, bytes] of Object.entries(packed)) {
    const data = path === 'docProps/core.xml' ? strToU8(new TextDecoder().decode(bytes).replace(/<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g, '')) : bytes;
    files[path] = [data, { level: 9, mtime: ZIP_TIME }];
  }
  return zipSync(files, { mtime: ZIP_TIME });
}
