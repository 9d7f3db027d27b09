import { fullWidthPunctuation } from '../own-words';
import type { Block } from './read';
import { ImportError } from './errors';

/** One achievement of the article: its heading split as the entries split theirs, and its paragraphs. */
export interface ImportedAchievement {
  /** The heading as the article writes it (its numbering dropped): 持续重拳出击 酒驾醉驾整治形成高压严打态势. */
  heading: string;
  /** The heading's first part; undefined when the heading has no break to split it at. */
  kicker?: string;
  title: string;
  /** The body's paragraphs, lines broken by the page layout joined back, punctuation in full width. */
  paragraphs: string[];
}

export interface ImportedArticle {
  title?: string;
  subtitle?: string;
  byline: string[];
  lead?: string;
  achievements: ImportedAchievement[];
  /** What was read but placed nowhere, for the report: headings with no text under them, extra lead paragraphs. */
  leftOut: string[];
}

// 一、 （一） (一) 1. 1、 第一， : the numbering of a numbered article's headings.
const NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]+[，、：:\s])\s*/;
const SENTENCE_END = /[。！？!?…][”’」』）)]?$/;
const NAMES = /^(?:(?:本报记者|记者|通讯员|文[/／：:]?)\s*)?\p{Script=Han}{2,4}(?:[\s\u3000、，,]+(?:(?:本报记者|记者|通讯员)\s*)?\p{Script=Han}{2,4})*$/u;

/**
 * The article's parts in reading order: the title block (title, subtitle, byline) and its lead, and
 * the achievements in the order the text has them, wherever the title block sits among them (a page
 * extraction can put it in the middle).
 */
export function structureOf(file: string, blocks: readonly Block[]): ImportedArticle {
  const article: ImportedArticle = { byline: [], achievements: [], leftOut: [] };
  const explicitTitle = blocks.some((b) => b.level === 1) && blocks.some((b) => (b.level ?? 0) > 1);
  const units = splitRunInHeadings(blocks);
  let current: { heading: string; lines: string[] } | undefined;
  let leadLines: string[] | undefined;

  const close = () => {
    if (leadLines) {
      const [lead, ...rest] = paragraphsOf(leadLines);
      if (lead) article.lead = lead;
      article.leftOut.push(...rest.map((p) => `导语之后、第一节之前的段落：${p}`));
      leadLines = undefined;
    }
    if (current) {
      if (current.lines.length) article.achievements.push({ heading: current.heading, ...splitHeading(current.heading), paragraphs: paragraphsOf(current.lines) });
      else article.leftOut.push(`没有正文的标题：${current.heading}`);
      current = undefined;
    }
  };

  for (let i = 0; i < units.length; i++) {
    const block = units[i]!;
    const previous = current?.lines.at(-1) ?? leadLines?.at(-1);
    const continues = previous !== undefined && !SENTENCE_END.test(previous) && block.level === undefined;
    if (!continues && isHeading(block)) {
      // A run of headings: the title block (title, subtitle, byline), or with explicit levels the level-1 one.
      const run = [block];
      while (i + 1 < units.length && isHeading(units[i + 1]!) && (!explicitTitle || units[i + 1]!.level !== 1)) run.push(units[++i]!);
      const titleRun = article.title === undefined && (explicitTitle ? block.level === 1 : run.length >= 2);
      close();
      if (titleRun) {
        const [title, ...rest] = run.map((b) => b.text) as [string, ...string[]];
        article.title = title;
        const byline = rest.findIndex((line) => NAMES.test(line));
        if (byline >= 0) article.byline = rest.splice(byline, 1)[0]!.replace(/本报记者|记者|通讯员|文[/／：:]?/g, ' ').split(/[\s\u3000、，,]+/).filter(Boolean);
        // A subtitle set off by a dash (——2031年…) is the subtitle without it.
        if (rest.length) article.subtitle = rest.join(' ').replace(/^[—–-]+\s*/, '');
        leadLines = [];
      } else {
        for (const heading of run.slice(0, -1)) article.leftOut.push(`没有正文的标题：${stripNumbering(heading.text)}`);
        current = { heading: stripNumbering(run.at(-1)!.text), lines: [] };
      }
      continue;
    }
    if (current) current.lines.push(block.text);
    else if (leadLines) leadLines.push(block.text);
    else article.leftOut.push(`第一个标题之前的文字：${block.text}`);
  }
  close();
  if (!article.achievements.length) {
    throw new ImportError(`${file}：找不到任何一节：每节应以一行标题开头（如“持续重拳出击 酒驾醉驾整治形成高压严打态势”或“一、……”），下面是正文`);
  }
  return article;
}

/** A heading: marked as one by the file, numbered (一、 （一）), or a short line that is no sentence. */
function isHeading(block: Block): boolean {
  if (block.level !== undefined) return true;
  const text = block.text;
  if (NUMBERING.test(text) && text.length <= 50 && !/[。；;]/.test(text)) return true;
  return text.length <= 40 && !/[，。；,;！？!?]/.test(text) && !SENTENCE_END.test(text);
}

/** （一）强化源头治理。今年以来…: a numbered heading run into its paragraph is a heading and a paragraph. */
function splitRunInHeadings(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((block) => {
    const runIn = block.level === undefined ? /^(.{2,30}?)。(.+)$/.exec(block.text) : null;
    if (runIn && NUMBERING.test(block.text) && !/[，,；;]/.test(runIn[1]!)) return [{ text: runIn[1]!, level: 2 }, { text: runIn[2]! }];
    return [block];
  });
}

function stripNumbering(text: string): string {
  return text.replace(NUMBERING, '').trim();
}

/** Kicker and title, split where the heading breaks: a space (坚守忠诚岗哨 党的二十大…), ——, or ：. */
export function splitHeading(heading: string): { kicker?: string; title: string } {
  const split = /^(.+?)(?:[ \u3000]+|——|—|[：:])(.+)$/.exec(heading);
  return split ? { kicker: split[1]!.trim(), title: split[2]!.trim() } : { title: heading };
}

/**
 * Lines as paragraphs: a line that does not end its sentence was broken by the page layout (often
 * inside a word, 制 / 度) and is joined to the next with nothing between them.
 */
export function paragraphsOf(lines: readonly string[]): string[] {
  const paragraphs: string[] = [];
  let open = false;
  for (const line of lines) {
    if (open) paragraphs[paragraphs.length - 1] += line;
    else paragraphs.push(line);
    open = !SENTENCE_END.test(line);
  }
  return paragraphs.map(fullWidthPunctuation);
}
