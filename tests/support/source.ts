import { readFileSync } from 'node:fs';
import { fullWidthPunctuation } from '@/lib/own-words';

/** One achievement of the source article, reassembled as the source README describes. */
export interface SourceAchievement {
  kicker: string;
  title: string;
  /** The body paragraph, its two layout halves joined with nothing between them. */
  text: string;
}

export interface SourceArticle {
  title: string;
  subtitle: string;
  byline: string;
  lead: string;
  achievements: SourceAchievement[];
}

const SOURCE = new URL('../fixtures/source/000_797c28bf11e04a8b.txt', import.meta.url);
const HEADING = /^(\S{6}) (\S.*)$/;

/** The article as published, read from the verbatim copy of the source in tests/fixtures/source. */
export function readSourceArticle(): SourceArticle {
  const lines = readFileSync(SOURCE, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const achievements: { kicker: string; title: string; parts: string[] }[] = [];
  for (const line of lines) {
    const heading = HEADING.exec(line);
    if (heading && !/[,，。]/.test(line)) achievements.push({ kicker: heading[1]!, title: heading[2]!, parts: [] });
    else achievements.at(-1)?.parts.push(line);
  }
  // The title block was extracted into the middle of the fifth achievement (see the source README).
  const [title, subtitle, byline, lead] = achievements[4]!.parts.splice(2, 4);
  return {
    title: title!,
    subtitle: subtitle!,
    byline: byline!,
    lead: lead!,
    achievements: achievements.map(({ kicker, title, parts }) => ({ kicker, title, text: parts.join('') })),
  };
}

/** Compare texts the way the brief allows: whitespace dropped, punctuation in full width. */
export function normaliseText(text: string): string {
  return fullWidthPunctuation(text.replace(/\s+/g, ''));
}
