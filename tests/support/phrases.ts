import { readFileSync } from 'node:fs';
import type { SearchDocument } from '../../src/lib/search/document';
import { searchableText } from '../../src/lib/search/document';
import { DIST, builtDocument } from './dist';

/** Shortest and longest phrase, in characters, a reader would copy from an achievement and search for. */
const SHORTEST = 3;
const LONGEST = 8;
const HAN = /^\p{Script=Han}+$/u;

/** A built achievement: its address, its prose, its aliases, and everything of it either search engine reads. */
export interface BuiltAchievement {
  href: string;
  text: string;
  aliases: string[];
  tags: string[];
  year: number;
  searchable: string;
}

/**
 * Every achievement of every edition as built: /search/sections.json (the simplified search's data) and the
 * indexed article of its page (what Pagefind read: chart titles and table headings too).
 */
export function builtAchievements(dist = DIST): BuiltAchievement[] {
  const documents = JSON.parse(readFileSync(`${dist}search/sections.json`, 'utf8')) as SearchDocument[];
  return documents.map((document) => ({
    href: document.href,
    text: document.text,
    aliases: document.aliases,
    tags: document.tags,
    year: document.year,
    searchable: `${searchableText(document)}\n${builtDocument(document.href, dist).querySelector('[data-pagefind-body]')?.textContent ?? ''}`,
  }));
}

/**
 * Phrases a reader could copy from the achievements' text: runs of whole words (as the browser's segmenter
 * splits them, the way Pagefind splits a query) of 3–8 Chinese characters that occur in exactly one
 * achievement, with that achievement's href. Derived from the built site, so the list grows with the content.
 */
export function uniquePhrases(achievements: readonly BuiltAchievement[]): [phrase: string, href: string][] {
  const haystacks = achievements.map((s) => s.searchable.toLowerCase());
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const found = new Map<string, string>();
  const seen = new Set<string>();
  for (const achievement of achievements) {
    // Runs of consecutive words: punctuation, figures and spaces end a run.
    const runs: string[][] = [[]];
    for (const segment of segmenter.segment(achievement.text)) {
      if (segment.isWordLike && HAN.test(segment.segment)) runs.at(-1)!.push(segment.segment);
      else if (runs.at(-1)!.length > 0) runs.push([]);
    }
    for (const words of runs) {
      for (let from = 0; from < words.length; from++) {
        let phrase = '';
        for (const word of words.slice(from)) {
          phrase += word;
          const length = Array.from(phrase).length;
          if (length > LONGEST) break;
          if (length < SHORTEST || seen.has(phrase)) continue;
          seen.add(phrase);
          if (haystacks.filter((h) => h.includes(phrase)).length === 1) found.set(phrase, achievement.href);
        }
      }
    }
  }
  return [...found];
}
