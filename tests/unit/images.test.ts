import { crc32, inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '@/lib/images/font';
import { achievementCard, achievementPoster, editionSummary, textOf, type ImageChild } from '@/lib/images/layouts';
import { encodePng } from '@/lib/images/png';
import { imageKey } from '@/lib/images/render';
import { shareImagePlan, type ImageEdition } from '@/lib/images/share-images';
import type { Metric } from '@/schema/metric';

const total: Metric = { id: 'drink-cases', label: '查处酒驾醉驾违法行为', value: 6862, unit: '起', kind: 'count' };
const kind: Metric = { id: 'drunk', label: '醉驾', value: 350, unit: '起', kind: 'count', partOf: 'drink-cases' };
const fall: Metric = { id: 'alcohol-accidents', label: '涉酒事故', value: 33.3, unit: '%', kind: 'change', direction: 'down', basis: '同比' };
const exposed: Metric = { id: 'exposed', label: '实名曝光涉酒驾驶人', value: 902, unit: '人', kind: 'count' };
const typical: Metric = { id: 'typical', label: '典型案例', value: 18, unit: '起', kind: 'count' };
const helmet: Metric = { id: 'helmet-rate', label: '城区主干道头盔佩戴率', value: 90, unit: '%', qualifier: '以上', kind: 'share', before: { value: 15, label: '原来', to: '提升至' } };

const edition: ImageEdition = {
  title: '踔厉奋发保平安 笃行实干护坦途',
  subtitle: '2022年枣庄公安交警十件实事',
  byline: ['张浩', '刘峰'],
  href: '/2022/',
  keyFigures: [{ metric: helmet, achievement: { metrics: [helmet] } }],
  achievements: [
    { order: 5, kicker: '持续重拳出击', title: '酒驾醉驾整治形成高压严打态势', summary: '营造了人人抵制酒醉驾的浓厚氛围。', href: '/2022/drunk-driving/', metrics: [total, kind, fall, exposed, typical], headline: { metric: total } },
    { order: 2, kicker: '做强主责主业', title: '交通事故实现“四个下降 一个零发生”', summary: '确保了道路交通安全形势持续稳定。', href: '/2022/accident-prevention/', metrics: [], headline: { text: '四个下降 一个零发生' } },
  ],
};

describe('the share image plan', async () => {
  const plan = await shareImagePlan([edition], new URL('https://news.example/'));

  it('has a card and a poster per section, and the edition’s card and summary', () => {
    expect([...plan.keys()].sort()).toEqual(['/2022/accident-prevention/card.png', '/2022/accident-prevention/poster.png', '/2022/card.png', '/2022/drunk-driving/card.png', '/2022/drunk-driving/poster.png', '/2022/summary.png']);
    expect(plan.get('/2022/drunk-driving/card.png')).toMatchObject({ width: 1200, height: 630 });
    expect(plan.get('/2022/drunk-driving/poster.png')).toMatchObject({ width: 1080, height: 1440 });
    expect(plan.get('/2022/summary.png')!.width).toBe(1080);
  });

  it('a card shows kicker, headline, the headline figure and the recap’s name', () => {
    const text = textOf(plan.get('/2022/drunk-driving/card.png')!.tree);
    for (const part of ['第五件', '持续重拳出击', '酒驾醉驾整治形成高压严打态势', '6862起', '查处酒驾醉驾违法行为', '踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事']) expect(text).toContain(part);
  });

  it('a poster leads with the headline figure, then the section’s other totals (three figures at most), never a kind counted within one, and ends with the source and the section’s URL', () => {
    const text = textOf(plan.get('/2022/drunk-driving/poster.png')!.tree);
    expect(text.indexOf('6862起')).toBeLessThan(text.indexOf('同比下降33.3%'));
    expect(text).toContain('902人');
    expect(text).not.toContain('350起');
    // 典型案例 18起 is a fourth total.
    expect(text).not.toContain('18起');
    expect(text).toContain('来源：《踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事》，作者张浩、刘峰。');
    expect(text).toContain('https://news.example/2022/drunk-driving/');
  });

  it('a section without figures shows its headline quote as a quotation', () => {
    expect(textOf(plan.get('/2022/accident-prevention/card.png')!.tree)).toContain('“四个下降 一个零发生”');
  });

  it('the edition’s card keeps each key figure’s qualifier and earlier value', () => {
    const card = textOf(plan.get('/2022/card.png')!.tree);
    expect(card).toContain('90%以上');
    expect(card).toContain('原来15%');
  });

  it('the summary keeps each figure’s qualifier and earlier value', async () => {
    const helmetAchievement = { order: 3, kicker: '紧扣中心工作', title: '创城交通秩序整治走在前当先锋', summary: '充分发挥创建全国文明城市交通秩序整治主力军作用。', href: '/2022/civilized-city/', metrics: [helmet], headline: { metric: helmet } };
    const withHelmet = await shareImagePlan([{ ...edition, achievements: [...edition.achievements, helmetAchievement] }], new URL('https://news.example/'));
    const summary = textOf(withHelmet.get('/2022/summary.png')!.tree);
    expect(summary).toContain('90%以上');
    expect(summary).toContain('原来15%');
  });
});

describe('a poster of figures the source leaves open or dates', async () => {
  const dissuaded: Metric = { id: 'dissuaded', label: '劝阻不文明交通行为', value: 690000, scale: '万', unit: '人次', qualifier: '余', kind: 'count', period: '累计' };
  const advised: Metric = { id: 'helmet-advised', label: '劝导不戴头盔', value: 450000, scale: '万', unit: '人次', qualifier: '余', kind: 'count', partOf: 'dissuaded' };
  const penalized: Metric = { id: 'penalized', label: '处罚', value: 66000, scale: '万', unit: '人次', qualifier: '余', kind: 'count', continues: 'dissuaded' };
  const civilized = { order: 3, kicker: '紧扣中心工作', title: '创城交通秩序整治走在前当先锋', summary: '支队班子成员率先垂范。', href: '/2022/civilized-city/', metrics: [dissuaded, advised, penalized, helmet], headline: { metric: helmet } };
  const plan = await shareImagePlan([{ ...edition, achievements: [civilized] }], new URL('https://news.example/'));
  const lines = leavesOf(plan.get('/2022/civilized-city/poster.png')!.tree);

  it('labels 处罚 with its sentence’s structure, never as a bare line', () => {
    expect(lines).toContain('劝阻不文明交通行为……，其中劝导不戴头盔……，处罚');
    expect(lines).not.toContain('处罚');
  });

  it('prints the source’s period word beside the figure it governs', () => {
    expect(lines).toContain('（累计）');
    expect(lines.join('')).not.toContain('2022年累计');
  });
});

/** Each string an image prints as its own line or block. */
function leavesOf(node: ImageChild): string[] {
  if (typeof node === 'string') return [node];
  const children = node.props.children;
  return (Array.isArray(children) ? children : children === undefined ? [] : [children]).flatMap(leavesOf);
}

describe('rendering', () => {
  const card = achievementCard({ ordinal: '第五件', kicker: '持续重拳出击', title: '标题', headline: { figure: '6862起', label: '查处' }, editionHeading: '名称' });

  it('keys a cached image by its content', () => {
    expect(imageKey(card)).toBe(imageKey(achievementCard({ ordinal: '第五件', kicker: '持续重拳出击', title: '标题', headline: { figure: '6862起', label: '查处' }, editionHeading: '名称' })));
    expect(imageKey(card)).not.toBe(imageKey(achievementCard({ ordinal: '第五件', kicker: '持续重拳出击', title: '标题', headline: { figure: '6863起', label: '查处' }, editionHeading: '名称' })));
  });

  it('sizes the summary to its sections', () => {
    const facts = { title: 't', subtitle: 's', byline: ['a'], source: 'x', url: 'u', qrSvg: '<svg/>' };
    const one = editionSummary({ ...facts, achievements: [{ ordinal: '第一件', kicker: 'k', title: 't', headline: { quote: 'q' } }] });
    const two = editionSummary({ ...facts, achievements: [1, 2].map(() => ({ ordinal: '第一件', kicker: 'k', title: 't', headline: { quote: 'q' } })) });
    expect(two.height).toBeGreaterThan(one.height);
  });

  it('keeps a poster at 1080×1440 however little it holds', () => {
    expect(achievementPoster({ ordinal: '', kicker: '', title: '', headlines: [], summary: '', editionTitle: '', editionSubtitle: '', source: '', url: '', qrSvg: '<svg/>' })).toMatchObject({ width: 1080, height: 1440 });
  });

  it('cuts the npm font to the characters used, and stops on a character it lacks', async () => {
    const { fonts, family } = await loadFonts('踔厉 6862起%（）“”');
    expect(family.split(', ')[0]).toBe('NotoSansSC-latin');
    expect(fonts.every((font) => font.data.byteLength < 20_000)).toBe(true);
    await expect(loadFonts('\u{F0000}')).rejects.toThrow(/没有这些字符/);
  });
});

describe('the PNG encoder', () => {
  // 3×2 opaque pixels: red, green, blue / white, black, grey.
  const rgba = Uint8Array.from([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 0, 255, 128, 128, 128, 255]);
  const png = encodePng({ width: 3, height: 2, rgba });

  it('writes a PNG whose every chunk checks out and whose rows hold the pixels', () => {
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const chunks: { type: string; data: Buffer }[] = [];
    for (let at = 8; at < png.length; ) {
      const length = png.readUInt32BE(at);
      const type = png.subarray(at + 4, at + 8).toString('latin1');
      const data = png.subarray(at + 8, at + 8 + length);
      expect(png.readUInt32BE(at + 8 + length), `${type} CRC`).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
      chunks.push({ type, data });
      at += 12 + length;
    }
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect([...chunks[0]!.data]).toEqual([0, 0, 0, 3, 0, 0, 0, 2, 8, 6, 0, 0, 0]);
    const rows = inflateSync(chunks[1]!.data);
    expect([...rows]).toEqual([0, ...rgba.subarray(0, 12), 0, ...rgba.subarray(12)]);
  });

  it('is read back pixel for pixel by another decoder (resvg’s)', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="3" height="2"><image width="3" height="2" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
    expect([...new Resvg(svg).render().pixels]).toEqual([...rgba]);
  });

  it('refuses a transparent pixel, which premultiplied alpha would darken', () => {
    const holed = rgba.slice();
    holed[19] = 0;
    expect(() => encodePng({ width: 3, height: 2, rgba: holed })).toThrow(/\(1, 1\) 处透明/);
  });
});
