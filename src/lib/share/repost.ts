import { authorsOf, sourceLine, type Recap } from '../source-line';
import type { CitedSection } from './citation';

/** Everything a repost carries, as plain text: kicker and headline, the full text, the credit and the permanent URL. */
export function repostText(recap: Recap, section: CitedSection, text: string, url: string): string {
  return [`${section.kicker} ${section.title}`, text, `${sourceLine(recap)}\n原文链接：${url}`].join('\n\n');
}

/** A section of the whole recap's text: its heading, its text and its own link. */
export interface RepostSection extends CitedSection {
  text: string;
  url: string;
}

/** The whole recap as plain text: title and byline, lead, each section with its link, the credit and the recap's URL. */
export function recapText(recap: Recap & { lead: string }, sections: readonly RepostSection[], url: string): string {
  return [
    `${recap.title}——${recap.subtitle}`,
    authorsOf(recap),
    recap.lead,
    ...sections.map((section) => `${section.kicker} ${section.title}\n\n${section.text}\n\n原文链接：${section.url}`),
    `${sourceLine(recap)}\n全文链接：${url}`,
  ].join('\n\n');
}
