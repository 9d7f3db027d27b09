import { describe, expect, it } from 'vitest';
import { builtDocument, builtPage, textAt } from '../support/dist';
import { SLUGS } from '../support/achievements';
import { figuresIn, numbersIn } from '@/schema/numbers-in-text';
import { readSourceArticle } from '../support/source';

const source = readSourceArticle();
const achievements = SLUGS.map((slug, i) => ({ slug, path: `/2022/${slug}/`, ...source.achievements[i]! }));
const CJK_SPACE_CJK = /[\p{Script=Han}“”][ \u3000\u00a0]+[\p{Script=Han}“”]/gu;

describe('pages', () => {
  it.each(['/', '/2022/', '/editions/', '/404.html', ...achievements.map((s) => s.path)])('%s is built, in Chinese', (path) => {
    expect(builtPage(path)).toMatch(/^<!DOCTYPE html><html lang="zh-CN"/i);
  });
});

describe('one edition', () => {
  it('says its year on its pages, counts its ten achievements, and has no 往年回顾 yet', () => {
    for (const path of ['/', '/2022/', '/2022/full/', '/2022/drunk-driving/']) {
      expect(textAt(builtDocument(path), '.edition-year .year'), path).toBe('2022年度');
      expect(builtDocument(path).querySelector('.edition-year .latest'), path).toBeNull();
    }
    expect(textAt(builtDocument('/'), '#achievements-heading')).toBe('十件实事');
    expect(builtDocument('/').querySelector('#archive-heading')).toBeNull();
    expect(textAt(builtDocument('/search/'), '.search-page .search-status')).toBe('全部十件实事');
    expect(textAt(builtDocument('/2022/'), 'label[for="site-search-input"]')).toBe('搜索十件实事');
  });

  it('offers the edition’s searchExamples in the search box', () => {
    const doc = builtDocument('/2022/');
    expect(doc.querySelector('#site-search-input')?.getAttribute('placeholder')).toBe('搜索：酒驾、头盔、12123…');
    expect(doc.querySelectorAll('header .search-suggestions a').map((a) => a.textContent)).toEqual(['酒驾', '头盔', '12123', '渣土车', '年检', '恶劣天气']);
  });

  it('is listed alone at /editions/, with its count', () => {
    const doc = builtDocument('/editions/');
    expect(doc.querySelectorAll('.editions > li .name a').map((a) => a.getAttribute('href'))).toEqual(['/2022/']);
    expect(textAt(doc, '.editions > li .count')).toBe('共十件实事');
  });
});

describe('section pages', () => {
  it.each(achievements)('$path prints its kicker, headline and the source paragraph, only its half-width commas and semicolons in full width', ({ path, kicker, title, text }) => {
    const doc = builtDocument(path);
    expect(textAt(doc, '.achievement .kicker')).toBe(kicker);
    expect(textAt(doc, 'h1')).toBe(title);
    expect(textAt(doc, '.prose')).toBe(text.replaceAll(',', '，').replaceAll(';', '；'));
  });

  it.each(achievements)('$path renders every figure of its prose from a metric', ({ path }) => {
    const prose = builtDocument(path).querySelector('.prose')!;
    for (const figure of prose.querySelectorAll('data.figure')) figure.remove();
    expect(figuresIn(prose.textContent)).toEqual([]);
  });

  it('keeps 24小时值班 as words: a way of working, not a figure', () => {
    const doc = builtDocument('/2022/congress-security/');
    expect(textAt(doc, '.prose')).toContain('严格落实24小时值班和“领导双值班”制度');
    expect(numbersIn(textAt(doc, '.prose'))).toMatchObject([{ text: '24小时值', kind: 'duration' }]);
    expect(doc.querySelector('.prose data')).toBeNull();
    expect(doc.querySelector('section.metrics')).toBeNull();
  });

  it.each(achievements)('$path gains no space between Chinese characters', ({ path, title, text }) => {
    const allowed = new Set([...`${title}${text}`.matchAll(CJK_SPACE_CJK)].map((m) => m[0]));
    const article = textAt(builtDocument(path), 'article.achievement');
    const gained = [...article.matchAll(CJK_SPACE_CJK)].map((m) => m[0]).filter((s) => !allowed.has(s));
    expect(gained).toEqual([]);
  });

  it('links each figure of the metrics table by its anchor', () => {
    const doc = builtDocument('/2022/civilized-city/');
    expect(textAt(doc, 'tr#helmet-rate td.figure')).toBe('90%以上（原来15%）');
    expect(textAt(doc, 'tr#dissuaded td.figure')).toBe('69万余人次（累计）');
    expect(doc.querySelector('tr#helmet-rate a[href="#helmet-rate"]')).not.toBeNull();
    expect(textAt(doc, 'tr#helmet-rate th')).toMatch(/^城区主干道头盔佩戴率/);
  });

  it('marks named kinds as among the total, not parts of it', () => {
    expect(textAt(builtDocument('/2022/muck-trucks/'), 'tr#overload th .note')).toBe('（“查处渣土车交通违法行为”中的一类）');
  });

  it('states changes as changes, with 同比 only where the source says so', () => {
    expect(textAt(builtDocument('/2022/drunk-driving/'), 'tr#alcohol-accidents td.figure')).toBe('同比下降33.3%');
    const road = textAt(builtDocument('/2022/severe-weather-road/'), 'main');
    expect(road).toContain('减少62.5%');
    expect(road).not.toContain('同比');
  });

  it('links to the previous and next sections and back to the recap', () => {
    const hrefOf = (path: string, selector: string) => builtDocument(path).querySelector(selector)?.getAttribute('href');
    expect(hrefOf('/2022/congress-security/', 'a[rel="prev"]')).toBeUndefined();
    expect(hrefOf('/2022/congress-security/', 'a[rel="next"]')).toBe('/2022/accident-prevention/');
    expect(hrefOf('/2022/drunk-driving/', 'a[rel="prev"]')).toBe('/2022/muck-trucks/');
    expect(hrefOf('/2022/drunk-driving/', 'a[rel="next"]')).toBe('/2022/transport-companies/');
    expect(hrefOf('/2022/drunk-driving/', '.back a')).toBe('/2022/');
    expect(hrefOf('/2022/party-building/', 'a[rel="next"]')).toBeUndefined();
  });
});

describe('the front page', () => {
  it.each(['/', '/2022/'])('%s carries the title block and the lead, only its half-width commas and semicolons in full width', (path) => {
    const doc = builtDocument(path);
    expect(textAt(doc, 'h1')).toBe(source.title);
    expect(textAt(doc, '.subtitle')).toBe(source.subtitle);
    expect(textAt(doc, '.byline')).toBe(source.byline);
    expect(textAt(doc, '.lead')).toBe(source.lead.replaceAll(',', '，').replaceAll(';', '；'));
  });

  it('lists the ten sections in order, each with its kicker, headline and link', () => {
    const cards = builtDocument('/').querySelectorAll('.cards > li > a');
    expect(cards.map((a) => a.getAttribute('href'))).toEqual(achievements.map((s) => s.path));
    expect(cards.map((a) => textAt(a, '.kicker'))).toEqual(achievements.map((s) => s.kicker));
    expect(cards.map((a) => textAt(a, '.title'))).toEqual(achievements.map((s) => s.title));
  });

  it('shows headline figures with their qualifiers, linked to their anchors', () => {
    const doc = builtDocument('/');
    const keyFigures = doc.querySelectorAll('.key-figures a');
    expect(keyFigures.map((a) => [a.getAttribute('href'), a.textContent])).toContainEqual(['/2022/civilized-city/#helmet-rate', '90%以上（原来15%）城区主干道头盔佩戴率']);
    expect(keyFigures.map((a) => a.textContent)).toContain('95%以上（年初不足20%）语音服务平台人工坐席接通率');
    const headlines = doc.querySelectorAll('.cards .headline .figure').map((f) => f.textContent);
    expect(headlines).toEqual(expect.arrayContaining(['35万余辆', '“四个下降 一个零发生”', '6862起']));
  });

  it('404 speaks Chinese and leads back', () => {
    const doc = builtDocument('/404.html');
    expect(textAt(doc, 'h1')).toBe('页面未找到');
    expect(doc.querySelector('main a[href="/2022/"]')).not.toBeNull();
  });
});
