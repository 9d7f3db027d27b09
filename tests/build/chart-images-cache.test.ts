import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildWithContent, contentFolder } from '../support/build';

/** The images drawn into the cache since `since` (ms): the worker writes a file only when it draws one. */
function drawnSince(cache: string, since: number): string[] {
  return readdirSync(cache).filter((file) => file.endsWith('.png') && statSync(join(cache, file)).mtimeMs >= since);
}

it('a rebuild sharing the cache draws only the chart that changed', () => {
  const content = contentFolder([{ from: 'content/2022', to: '2022' }]);
  const cacheDir = mkdtempSync(join(tmpdir(), 'zz-cache-'));
  const cache = join(cacheDir, 'share-images');
  const first = buildWithContent(content, { cacheDir });
  expect(first.ok, first.output).toBe(true);
  const chartImages = readdirSync(join(first.outDir, '2022'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.png') && !/(card|poster|summary)\.png$/.test(f));
  expect(chartImages.length).toBeGreaterThan(5);

  // An editor retitles one chart: its image (the title is drawn in it) is drawn again, nothing else.
  const entry = join(content, '2022/muck-trucks.mdx');
  writeFileSync(entry, readFileSync(entry, 'utf8').replace('title: "查处渣土车交通违法行为及其中几类"', 'title: "查处渣土车交通违法行为及其中各类"'));
  const before = Date.now();
  const second = buildWithContent(content, { cacheDir });
  expect(second.ok, second.output).toBe(true);
  expect(drawnSince(cache, before), 'images drawn by the rebuild').toHaveLength(1);
  for (const image of chartImages) {
    const same = readFileSync(join(first.outDir, '2022', image)).equals(readFileSync(join(second.outDir, '2022', image)));
    expect(same, image).toBe(image !== 'muck-trucks/violations.png');
  }
});
