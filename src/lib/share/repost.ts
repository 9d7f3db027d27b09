import { authorsOf, sourceLine, type EditionCredit } from '../source-line';
import type { CitedAchievement } from './citation';
import { achievementHeading, editionHeading } from '../headings';

/** Everything a repost carries, as plain text: its heading (kicker and title), the full text, the credit and the permanent URL. */
export function repostText(edition: EditionCredit, achievement: CitedAchievement, text: string, url: string): string {
  return [achievementHeading(achievement), text, `${sourceLine(edition)}\n原文链接：${url}`].join('\n\n');
}

/** An achievement of the whole edition's text: its heading, its text and its own link. */
export interface RepostAchievement extends CitedAchievement {
  text: string;
  url: string;
}

/** The whole edition as plain text: title and byline, lead, each achievement with its link, the credit and the edition's URL. */
export function editionRepostText(edition: EditionCredit & { lead: string }, achievements: readonly RepostAchievement[], url: string): string {
  return [
    editionHeading(edition),
    authorsOf(edition),
    edition.lead,
    ...achievements.map((achievement) => `${achievementHeading(achievement)}\n\n${achievement.text}\n\n原文链接：${achievement.url}`),
    `${sourceLine(edition)}\n全文链接：${url}`,
  ].join('\n\n');
}
