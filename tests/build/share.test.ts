import { describe, expect, it } from 'vitest';
import { builtDocument, textAt } from '../support/dist';
import { SLUGS } from '../support/achievements';


describe('the share bar of each section', () => {
  it.each(SLUGS)('/2022/%s/ copies the text the page shows, with its credit and URL', (slug) => {
    const doc = builtDocument(`/2022/${slug}/`);
    const repost = doc.querySelectorAll('.share-bar site-copy-button').find((el) => el.textContent.includes('复制全文用于转载'))!.getAttribute('data-text')!;
    const [headline, ...rest] = repost.split('\n\n');
    expect(headline).toBe(`${textAt(doc, '.achievement .kicker')} ${textAt(doc, 'h1')}`);
    const paragraphs = doc.querySelectorAll('.prose p').map((p) => p.textContent);
    expect(rest.slice(0, paragraphs.length)).toEqual(paragraphs);
    expect(rest.at(-1)).toBe(`来源：《踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事》，作者张浩、刘峰。\n原文链接：http://localhost:4321/2022/${slug}/`);
  });

  it.each(SLUGS)('/2022/%s/ has a Weibo link, a QR code drawn in the page and no third-party script', (slug) => {
    const doc = builtDocument(`/2022/${slug}/`);
    const weibo = new URL(doc.querySelector('.share-bar a[href^="https://service.weibo.com/"]')!.getAttribute('href')!);
    expect(weibo.searchParams.get('url')).toBe(`http://localhost:4321/2022/${slug}/`);
    expect(weibo.searchParams.get('pic')).toBe(`http://localhost:4321/2022/${slug}/card.png`);
    // The headline figure as the achievement's card on /2022/ prints it (qualifier and context included), and the heading.
    const card = builtDocument('/2022/').querySelector(`.card a[href="/2022/${slug}/"] .headline`)!;
    const figure = `${textAt(card, '.figure')}${card.querySelector('.context')?.textContent ?? ''}`.replace(/^“|”$/g, '');
    const title = weibo.searchParams.get('title')!;
    expect(title).toContain(textAt(doc, 'h1'));
    expect(title).toContain(figure);
    expect(doc.querySelector('.share-bar .qr svg path')).not.toBeNull();
    expect(textAt(doc, '.share-bar .qr figcaption')).toBe('微信扫一扫');
    const scripts = doc.querySelectorAll('script[src]').map((s) => s.getAttribute('src')!);
    expect(scripts.filter((src) => !src.startsWith('/'))).toEqual([]);
  });

  it('gives each figure of the table its own citation', () => {
    const doc = builtDocument('/2022/civilized-city/');
    expect(doc.querySelector('tr#helmet-rate site-copy-button')!.getAttribute('data-text')).toMatch(/^90%以上（城区主干道头盔佩戴率，原来15%）——《.*》“紧扣中心工作 创城交通秩序整治走在前当先锋”，作者张浩、刘峰。http:\/\/localhost:4321\/2022\/civilized-city\/#helmet-rate$/);
  });
});
