import type { Metric } from '../../schema/metric';
import type { Headline } from '../content';
import { describeMetric, standaloneLabel } from '../metrics/format';
import { achievementHeading } from '../headings';

/** Weibo's share page for a URL: a plain link, so the page loads nothing from Weibo. */
export function weiboShareUrl({ url, title, image }: { url: string; title: string; image?: string }): string {
  const params = new URLSearchParams({ url, title });
  if (image) params.set('pic', image);
  return `https://service.weibo.com/share/share.php?${params}`;
}

/**
 * Weibo's length for a post shared from another site: 140 Chinese characters, as its open platform
 * documents for a third-party share (open.weibo.com/wiki/2/statuses/share: “内容不超过140个汉字”, the
 * text carrying the site's URL). share.php itself is undocumented; assumed, as Weibo's editor counts:
 * a half-width character (Latin, digits, ASCII signs) counts half, and the page's URL, which share.php
 * appends to `title` and Weibo turns into a t.cn short link (http://t.cn/ and 8 characters: 20
 * half-width, so 10), a fixed length; 12 leaves a margin. Longer posts are accepted today but fold
 * after 140 behind 全文, so a reader of the timeline sees only what fits.
 */
export const WEIBO_LIMIT = 140;
export const WEIBO_LINK_LENGTH = 12;

/** The length Weibo counts for a text: Chinese and full-width characters 1, half-width ones ½, rounded up. */
export function weiboLength(text: string): number {
  let halves = 0;
  for (const char of text) halves += /[\u0000-\u00ff\uff61-\uff9f]/.test(char) ? 1 : 2;
  return Math.ceil(halves / 2);
}

/** The length of the post share.php composes: the text, a space and the link. */
export function weiboPostLength(title: string): number {
  return weiboLength(title) + 1 + WEIBO_LINK_LENGTH;
}

/** The achievement as Weibo's text names it. */
export interface WeiboAchievement {
  file: string;
  kicker: string;
  title: string;
  metrics: readonly Metric[];
  headline: Headline;
}

/**
 * The text of an achievement's Weibo share link: the headline figure exactly as the page prints it
 * (describeMetric: qualifier, 万, change verb and context kept) after what it counts, or the achievement's
 * highlight phrase where the heading does not already quote it; the achievement's heading and the edition's
 * name. The longest of three forms that fits Weibo's length with the link: the edition's name goes
 * first, then the kicker; the figure and the heading never.
 */
export function weiboShareText(edition: { subtitle: string }, achievement: WeiboAchievement): string {
  const { headline } = achievement;
  const figure = headline.metric
    ? `${standaloneLabel(headline.metric, achievement.metrics)}${describeMetric(headline.metric)}`
    : achievement.title.includes(headline.text)
      ? ''
      : `“${headline.text}”`;
  const forms = [
    `【${achievementHeading(achievement)}】${figure}｜${edition.subtitle}`,
    `【${achievementHeading(achievement)}】${figure}`,
    `【${achievement.title}】${figure}`,
  ];
  const text = forms.find((form) => weiboPostLength(form) <= WEIBO_LIMIT);
  if (!text) {
    throw new Error(`${achievement.file}: title 与头条数字合计超过微博的 ${WEIBO_LIMIT} 字（含链接）：请缩短 title，或换用较短的 headlineMetric / headlineQuote`);
  }
  return text;
}
