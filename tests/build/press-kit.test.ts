import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { builtDocument, DIST, textAt } from '../support/dist';
import { SLUGS } from '../support/achievements';

const published = (path: string) => new Uint8Array(readFileSync(`${DIST}${path.slice(1)}`));
const kit = (path: string) => unzipSync(published(path));
/** The drawn charts' PNGs an achievement page names: its canvases' figures, as /2022/<slug>/<chart>.png. */
const chartIds = (slug: string) => builtDocument(`/2022/${slug}/`).querySelectorAll('site-chart canvas').map((canvas) => canvas.closest('figure')!.getAttribute('id')!.replace(/^chart-/, ''));

describe('each section’s 素材包', () => {
  it.each(SLUGS)('/2022/%s/press-kit.zip holds its text, Word document, images, charts, data and citation', (slug) => {
    const doc = builtDocument(`/2022/${slug}/`);
    const files = kit(`/2022/${slug}/press-kit.zip`);
    const folder = `2022-${slug}/`;
    const charts = chartIds(slug);
    expect(Object.keys(files)).toEqual(
      [`${slug}.txt`, `${slug}.docx`, 'card.png', 'poster.png', ...charts.map((id) => `${id}.png`), 'data.csv', 'data.json', 'citation.txt'].map((name) => folder + name),
    );

    const heading = `${textAt(doc, '.achievement .kicker')} ${textAt(doc, 'h1')}`;
    const paragraphs = doc.querySelectorAll('.prose p').map((p) => p.textContent);
    const url = `http://localhost:4321/2022/${slug}/`;
    expect(strFromU8(files[`${folder}${slug}.txt`]!)).toBe(`${heading}\n\n${paragraphs.join('\n\n')}\n\n来源：《踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事》，作者张浩、刘峰。\n原文链接：${url}\n`);

    const word = unzipSync(files[`${folder}${slug}.docx`]!);
    const xml = strFromU8(word['word/document.xml']!);
    expect(xml).toContain(heading);
    const figures = doc.querySelectorAll('.prose data.figure').map((d) => d.textContent);
    for (const figure of figures) expect(xml, figure).toContain(`<w:t xml:space="preserve">${figure}</w:t>`);

    for (const name of ['card.png', 'poster.png', ...charts.map((id) => `${id}.png`), 'data.csv', 'data.json']) {
      expect(files[folder + name], name).toEqual(published(`/2022/${slug}/${name}`));
    }
    expect(strFromU8(files[`${folder}citation.txt`]!)).toBe(`${doc.querySelectorAll('.share-bar site-copy-button').find((el) => el.textContent.includes('复制引用'))!.getAttribute('data-text')}\n`);
  });

  it.each(SLUGS)('/2022/%s/ links 下载素材包 to its kit, with a copy link for WeChat', (slug) => {
    const kitLink = builtDocument(`/2022/${slug}/`).querySelector('.share-bar site-press-kit')!;
    expect(kitLink.querySelector('a')!.getAttribute('href')).toBe(`/2022/${slug}/press-kit.zip`);
    expect(kitLink.querySelector('a')!.textContent).toMatch(/^下载素材包/);
    expect(kitLink.querySelector('.wechat site-copy-button')!.getAttribute('data-text')).toBe(`http://localhost:4321/2022/${slug}/press-kit.zip`);
  });
});

describe('the edition’s 素材包', () => {
  const files = kit('/2022/press-kit.zip');

  it('holds the whole recap as text and Word, its card and 一图读懂, every chart, the data and the citation', () => {
    const charts = SLUGS.flatMap((slug) => chartIds(slug).map((id) => ({ name: `2022/charts/${slug}-${id}.png`, path: `/2022/${slug}/${id}.png` })));
    expect(charts.length).toBeGreaterThan(5);
    expect(Object.keys(files)).toEqual(['2022/2022.txt', '2022/2022.docx', '2022/card.png', '2022/summary.png', ...charts.map((c) => c.name), '2022/data.csv', '2022/data.json', '2022/citation.txt']);
    for (const { name, path } of [...charts, { name: '2022/card.png', path: '/2022/card.png' }, { name: '2022/summary.png', path: '/2022/summary.png' }, { name: '2022/data.csv', path: '/2022/data.csv' }, { name: '2022/data.json', path: '/2022/data.json' }]) {
      expect(files[name], name).toEqual(published(path));
    }
    expect(strFromU8(files['2022/citation.txt']!)).toBe('《踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事》，作者张浩、刘峰。http://localhost:4321/2022/\n');
  });

  it('has every section’s heading and text in the .txt and the .docx, in order', () => {
    const text = strFromU8(files['2022/2022.txt']!);
    const xml = strFromU8(unzipSync(files['2022/2022.docx']!)['word/document.xml']!);
    let at = 0;
    for (const slug of SLUGS) {
      const doc = builtDocument(`/2022/${slug}/`);
      const heading = `${textAt(doc, '.achievement .kicker')} ${textAt(doc, 'h1')}`;
      const body = doc.querySelectorAll('.prose p').map((p) => p.textContent).join('\n\n');
      const block = `${heading}\n\n${body}\n\n原文链接：http://localhost:4321/2022/${slug}/`;
      expect(text.indexOf(block, at), slug).toBeGreaterThan(at - 1);
      at = text.indexOf(block, at) + block.length;
      expect(xml).toContain(heading);
    }
  });

  it('is linked as 下载素材包 from the edition page', () => {
    expect(builtDocument('/2022/').querySelector('.reading site-press-kit a')!.getAttribute('href')).toBe('/2022/press-kit.zip');
  });
});

describe('复制图文 on each section', () => {
  it.each(SLUGS)('/2022/%s/ carries rich HTML: figures bold, its table, its chart PNGs at absolute URLs, its link', (slug) => {
    const doc = builtDocument(`/2022/${slug}/`);
    const button = doc.querySelectorAll('.share-bar site-copy-button').find((el) => el.textContent.includes('复制图文'))!;
    const html = parse(button.getAttribute('data-html')!);
    expect(html.querySelectorAll('strong').map((s) => s.textContent)).toEqual(doc.querySelectorAll('.prose data.figure').map((d) => d.textContent));
    expect(html.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('td')[1]!.textContent)).toEqual(doc.querySelectorAll('.metrics td.figure').map((td) => td.textContent));
    expect(html.querySelectorAll('img').map((img) => img.getAttribute('src'))).toEqual(chartIds(slug).map((id) => `http://localhost:4321/2022/${slug}/${id}.png`));
    expect(html.querySelector('a')!.getAttribute('href')).toBe(`http://localhost:4321/2022/${slug}/`);
    expect(html.querySelectorAll('[class], style, script')).toHaveLength(0);
  });
});
