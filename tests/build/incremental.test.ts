import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWithContent, contentFolder } from '../support/build';
import { builtDocument, builtPage, textAt } from '../support/dist';

/** Whether a build copied a file from the previous build, or rendered it (Astro logs which, with the time it took). */
const restored = (output: string, file: string) => output.includes(`${file} (restored)`);
const rendered = (output: string, file: string) => output.includes(`${file} (+`);

describe('a rebuild copies what did not change and renders what did', () => {
  const content = contentFolder([
    { from: 'content/2022', to: '2022' },
    { from: 'tests/fixtures/editions/2023', to: '2023' },
  ]);
  const cacheDir = mkdtempSync(join(tmpdir(), 'zz-cache-'));
  const first = buildWithContent(content, { cacheDir });
  const entry = join(content, '2023/sample-first.mdx');
  writeFileSync(entry, readFileSync(entry, 'utf8').replace('样例正文，', '改过的样例正文，'));
  const edited = buildWithContent(content, { cacheDir });
  const moved = buildWithContent(content, { cacheDir, env: { SITE_URL: 'https://news.example' } });

  it('builds each time', () => {
    for (const build of [first, edited, moved]) expect(build.ok, build.output).toBe(true);
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
