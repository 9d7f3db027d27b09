import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, buildWithContent, contentFolder } from '../support/build';
import { builtDocument, builtPage, textAt } from '../support/dist';

/** Whether a build copied a file from the previous build, or rendered it (Astro logs which, with the time it took). */
const restored = (output: string, file: string) => output.includes(`${file} (restored)`);
const rendered = (output: string, file: string) => output.includes(`${file} (+`);

describe('a rebuild copies what did not change and renders what did', () => {
  // 2022 alone first, then a new edition's folder added, as an editor adds a year.
  const content = contentFolder([{ from: 'content/2022', to: '2022' }]);
  const cacheDir = mkdtempSync(join(tmpdir(), 'zz-cache-'));
  const alone = buildWithContent(content, { cacheDir });
  cpSync(join(ROOT, 'tests/fixtures/editions/2023'), join(content, '2023'), { recursive: true });
  const first = buildWithContent(content, { cacheDir });
  const entry = join(content, '2023/sample-first.mdx');
  writeFileSync(entry, readFileSync(entry, 'utf8').replace('样例正文，', '改过的样例正文，'));
  const edited = buildWithContent(content, { cacheDir });
  const moved = buildWithContent(content, { cacheDir, env: { SITE_URL: 'https://news.example' } });

  it('builds each time', () => {
    for (const build of [alone, first, edited, moved]) expect(build.ok, build.output).toBe(true);
  });

  it('renders the earlier edition’s pages again when a new edition is added: they name the latest', () => {
    for (const file of ['/2022/drunk-driving/index.html', '/2022/index.html', '/2022/full/index.html']) expect(rendered(first.output, file), file).toBe(true);
    expect(builtDocument('/2022/drunk-driving/', alone.outDir).querySelector('.edition-year .latest')).toBeNull();
    expect(textAt(builtDocument('/2022/drunk-driving/', first.outDir), '.edition-year .latest a')).toBe('2023年度《测试样例：2023年九件实事》');
    expect(textAt(builtDocument('/2022/drunk-driving/', first.outDir), 'label[for="site-search-input"]')).toBe('搜索历年实事');
    // Images hold nothing of the other editions: they are copied.
    expect(restored(first.output, '/2022/drunk-driving/poster.png')).toBe(true);
  });

  it('publishes an editor’s change on the next build', () => {
    expect(textAt(builtDocument('/2023/sample-first/', edited.outDir), '.prose')).toBe('改过的样例正文，共计12万余起。');
    expect(rendered(edited.output, '/2023/sample-first/index.html')).toBe(true);
    // The edited achievement's neighbour links to it and shares the edition: it is rendered again too.
    expect(rendered(edited.output, '/2023/sample-second/index.html')).toBe(true);
  });

  it('copies the other edition’s pages and images unchanged from the previous build', () => {
    for (const file of ['/2022/drunk-driving/index.html', '/2022/drunk-driving/poster.png', '/2022/index.html', '/embed/2022/drunk-driving/violations/index.html']) {
      expect(restored(edited.output, file), file).toBe(true);
    }
    expect(builtPage('/2022/drunk-driving/', edited.outDir)).toBe(builtPage('/2022/drunk-driving/', first.outDir));
  });

  it('renders every page again when the public address changes', () => {
    expect(rendered(moved.output, '/2022/drunk-driving/index.html')).toBe(true);
    expect(builtDocument('/2022/drunk-driving/', moved.outDir).querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://news.example/2022/drunk-driving/');
    // The poster prints the address and its QR code.
    expect(rendered(moved.output, '/2022/drunk-driving/poster.png')).toBe(true);
  });

  it('builds a 素材包 again only when its edition or its images changed', () => {
    for (const file of ['/2023/sample-first/press-kit.zip', '/2023/press-kit.zip']) expect(rendered(edited.output, file), file).toBe(true);
    for (const file of ['/2022/drunk-driving/press-kit.zip', '/2022/press-kit.zip']) {
      expect(restored(edited.output, file), file).toBe(true);
      expect(rendered(moved.output, file), file).toBe(true);
    }
  });
});
