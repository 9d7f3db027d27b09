import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Headline } from '@/lib/content';
import { describeMetric, formatMetric } from '@/lib/metrics/format';
import { metricCitation, achievementCitation } from '@/lib/share/citation';
import { WEIBO_LIMIT, weiboLength, weiboPostLength, weiboShareText, weiboShareUrl } from '@/lib/share/links';
import { plainTextOf } from '../support/plain-text';
import { qrSvg } from '@/lib/share/qr';
import { repostText } from '@/lib/share/repost';
import { achievementSchema } from '@/schema/achievement';
import type { Metric } from '@/schema/metric';
import { SLUGS } from '../support/achievements';

const edition = { title: '踔厉奋发保平安 笃行实干护坦途', subtitle: '2022年枣庄公安交警十件实事', byline: ['张浩', '刘峰'] };
const achievement = { kicker: '持续重拳出击', title: '酒驾醉驾整治形成高压严打态势', metrics: [] };
const URL_ = 'https://news.example/2022/drunk-driving/';
const cases: Metric = { id: 'drink-cases', label: '查处酒驾醉驾违法行为', value: 6862, unit: '起', kind: 'count' };
const fall: Metric = { id: 'alcohol-accidents', label: '涉酒事故', value: 33.3, unit: '%', kind: 'change', direction: 'down', basis: '同比' };
const helmet: Metric = { id: 'helmet-rate', label: '城区主干道头盔佩戴率', value: 90, unit: '%', qualifier: '以上', kind: 'share', before: { value: 15, label: '原来', to: '提升至' } };
const dissuaded: Metric = { id: 'dissuaded', label: '劝阻不文明交通行为', value: 690000, scale: '万', unit: '人次', qualifier: '余', kind: 'count' };

describe('citations', () => {
  it('cite the section by recap, kicker and headline, authors and permanent URL', () => {
    expect(achievementCitation(edition, achievement, URL_)).toBe(
      '《踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事》“持续重拳出击 酒驾醉驾整治形成高压严打态势”，作者张浩、刘峰。https://news.example/2022/drunk-driving/',
    );
  });

  it('cite a figure with its unit and what it counts, linked to its anchor', () => {
    expect(metricCitation(edition, achievement, cases, URL_)).toBe(
      '6862起（查处酒驾醉驾违法行为）——《踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事》“持续重拳出击 酒驾醉驾整治形成高压严打态势”，作者张浩、刘峰。https://news.example/2022/drunk-driving/#drink-cases',
    );
  });

  it('keep the qualifier, the 万, the change’s verb and the earlier value', () => {
    expect(metricCitation(edition, achievement, dissuaded, URL_)).toMatch(/^69万余人次（劝阻不文明交通行为）——/);
    expect(metricCitation(edition, achievement, fall, URL_)).toMatch(/^同比下降33\.3%（涉酒事故）——/);
    expect(metricCitation(edition, achievement, helmet, URL_)).toMatch(/^90%以上（城区主干道头盔佩戴率，原来15%）——.*#helmet-rate$/);
  });

  it('keep the source’s period words, and the sentence of a figure the source leaves open', () => {
    const total: Metric = { ...dissuaded, period: '累计' };
    const kind: Metric = { id: 'helmet-advised', label: '劝导不戴头盔', value: 450000, scale: '万', unit: '人次', qualifier: '余', kind: 'count', partOf: 'dissuaded' };
    const penalized: Metric = { id: 'penalized', label: '处罚', value: 66000, scale: '万', unit: '人次', qualifier: '余', kind: 'count', continues: 'dissuaded' };
    const civilized = { kicker: '紧扣中心工作', title: '创城交通秩序整治走在前当先锋', metrics: [total, kind, penalized] };
    expect(metricCitation(edition, civilized, total, URL_)).toMatch(/^69万余人次（劝阻不文明交通行为，累计）——/);
    expect(metricCitation(edition, civilized, penalized, URL_)).toMatch(/^6\.6万余人次（劝阻不文明交通行为……，其中劝导不戴头盔……，处罚）——/);
  });
});

describe('the plain text of an entry', () => {
  it('prints figures as the page does, before values included', () => {
    const body = '\n城区主干道头盔佩戴率由原来的<Metric id="helmet-rate" at="before" />提升至<Metric id="helmet-rate" />，劝阻<Metric id="dissuaded" />。\n';
    expect(plainTextOf(body, [helmet, dissuaded], 'x.mdx')).toBe('城区主干道头盔佩戴率由原来的15%提升至90%以上，劝阻69万余人次。');
  });

  it('keeps paragraphs apart and adds no space inside one', () => {
    expect(plainTextOf('第一段。\n\n第二段，\n续写。', [], 'x.mdx')).toBe('第一段。\n\n第二段，续写。');
  });

  it('stops the build on an unknown figure or markup it cannot carry, naming the file', () => {
    expect(() => plainTextOf('<Metric id="nope" />', [cases], 'content/2022/x.mdx')).toThrow(/content\/2022\/x\.mdx: <Metric id="nope"> 指向不存在的指标/);
    expect(() => plainTextOf('**加粗**', [], 'content/2022/x.mdx')).toThrow(/content\/2022\/x\.mdx: 正文含有/);
    expect(() => plainTextOf(undefined, [], 'content/2022/x.mdx')).toThrow(/content\/2022\/x\.mdx: 正文为空/);
  });

  it('stops the build on a figure typed into the text, naming the file and the figure', () => {
    expect(() => plainTextOf('共查处酒驾醉驾违法行为6862起。', [cases], 'content/2022/x.mdx')).toThrow(/^content\/2022\/x\.mdx: 正文不能直接写统计数字“6862起”/);
    expect(() => plainTextOf('共查处<Metric id="drink-cases" />，其中醉驾350起。', [cases], 'content/2022/x.mdx')).toThrow(/统计数字“350起”/);
    expect(plainTextOf('2022年，12123语音服务中心严格落实24小时值班。', [], 'x.mdx'), 'years, names and duties are words').toBe('2022年，12123语音服务中心严格落实24小时值班。');
  });
});

describe('the repost text', () => {
  it('carries kicker and headline, the full text, the credit and the permanent URL', () => {
    expect(repostText(edition, achievement, '正文。', URL_)).toBe(
      '持续重拳出击 酒驾醉驾整治形成高压严打态势\n\n正文。\n\n来源：《踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事》，作者张浩、刘峰。\n原文链接：https://news.example/2022/drunk-driving/',
    );
  });
});

describe('share links', () => {
  it('Weibo gets the URL, title and picture as parameters', () => {
    const link = new URL(weiboShareUrl({ url: URL_, title: '标题', image: `${URL_}card.png` }));
    expect(link.origin + link.pathname).toBe('https://service.weibo.com/share/share.php');
    expect(Object.fromEntries(link.searchParams)).toEqual({ url: URL_, title: '标题', pic: `${URL_}card.png` });
  });

  it('the QR code is an SVG drawn locally', async () => {
    const svg = await qrSvg(URL_);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });
});

const EDITION_DIR = new URL('../../content/2022/', import.meta.url);
function weiboAchievement(slug: string) {
  const file = `content/2022/${slug}.mdx`;
  const data = achievementSchema.parse(parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(new URL(`${slug}.mdx`, EDITION_DIR), 'utf8'))![1]!));
  const metric = data.metrics.find((m) => m.id === data.headlineMetric);
  const headline: Headline = metric ? { metric } : { text: data.headlineQuote! };
  return { file, kicker: data.kicker, title: data.title, metrics: data.metrics, headline };
}

describe('the Weibo text', () => {
  it('counts as Weibo does: a Chinese or full-width character 1, a half-width one ½', () => {
    expect(weiboLength('酒驾6862起（2022年）')).toBe(2 + 2 + 1 + 1 + 2 + 1 + 1);
    expect(weiboLength('abc')).toBe(2);
  });

  it.each(SLUGS)('%s: the headline figure as printed, the section and the link, within 140 with the link', (slug) => {
    const achievement = weiboAchievement(slug);
    const text = weiboShareText(edition, achievement);
    expect(weiboPostLength(text)).toBeLessThanOrEqual(WEIBO_LIMIT);
    expect(text).toContain(achievement.title);
    if (achievement.headline.metric) {
      expect(text).toContain(describeMetric(achievement.headline.metric));
      expect(text).toContain(formatMetric(achievement.headline.metric));
      expect(text).toContain(achievement.headline.metric.label);
    } else {
      expect(text).toContain(achievement.headline.text);
    }
    const link = new URL(weiboShareUrl({ url: URL_, title: text }));
    expect(link.searchParams.get('title')).toBe(text);
    expect(link.searchParams.get('url')).toBe(URL_);
  });

  it('keeps the qualifier, the earlier value and the period where the page prints them', () => {
    expect(weiboShareText(edition, weiboAchievement('civilized-city'))).toBe('【紧扣中心工作 创城交通秩序整治走在前当先锋】城区主干道头盔佩戴率90%以上（原来15%）｜2022年枣庄公安交警十件实事');
    expect(weiboShareText(edition, weiboAchievement('drunk-driving'))).toBe('【持续重拳出击 酒驾醉驾整治形成高压严打态势】查处酒驾醉驾违法行为6862起（2022年）｜2022年枣庄公安交警十件实事');
    expect(weiboShareText(edition, weiboAchievement('congress-security'))).toBe('【坚守忠诚岗哨 党的二十大交通安保任务万无一失】“大事不出、小事也不出”｜2022年枣庄公安交警十件实事');
  });

  it('drops the recap’s name, then the kicker, before going over; a title that cannot fit stops the build, naming the file', () => {
    const long = { ...weiboAchievement('drunk-driving'), title: '长'.repeat(90) };
    expect(weiboShareText(edition, long)).toBe(`【持续重拳出击 ${long.title}】查处酒驾醉驾违法行为6862起（2022年）`);
    expect(weiboShareText(edition, { ...long, title: '长'.repeat(105) })).toBe(`【${'长'.repeat(105)}】查处酒驾醉驾违法行为6862起（2022年）`);
    expect(() => weiboShareText(edition, { ...long, title: '长'.repeat(130) })).toThrow(/^content\/2022\/drunk-driving\.mdx: title 与头条数字合计超过微博的 140 字/);
  });
});
