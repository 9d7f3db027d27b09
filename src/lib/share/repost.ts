import { sourceLine, type Recap } from '../source-line';
import type { CitedSection } from './citation';

/** Everything a repost carries, as plain text: kicker and headline, the full text, the credit and the permanent URL. */
export function repostText(recap: Recap, section: CitedSection, text: string, url: string): string {
  return [`${section.kicker} ${section.title}`, text, `${sourceLine(recap)}\n原文链接：${url}`].join('\n\n');
}
