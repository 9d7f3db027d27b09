import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CACHE_DIR } from '@/lib/images/render';
import { builtDocument, DIST } from '../support/dist';
import { SLUGS } from '../support/achievements';

const png = (path: string) => readFileSync(`${DIST}${path.slice(1)}`);

/** Width and height from a PNG's IHDR chunk, after the 8-byte signature. */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('share images', () => {
  it.each(SLUGS)('/2022/%s/ has a 1200×630 card and a 1080×1440 poster', (slug) => {
    expect(pngSize(png(`/2022/${slug}/card.png`))).toEqual({ width: 1200, height: 630 });
    expect(pngSize(png(`/2022/${slug}/poster.png`))).toEqual({ width: 1080, height: 1440 });
  });

  it('the edition has a 1200×630 card and a summary 1080 wide, taller than a screen', () => {
    expect(pngSize(png('/2022/card.png'))).toEqual({ width: 1200, height: 630 });
    const summary = pngSize(png('/2022/summary.png'));
    expect(summary.width).toBe(1080);
    expect(summary.height).toBeGreaterThan(2000);
  });

  it('offers the poster as “保存图片” on each section and the summary on the front page', () => {
    for (const slug of SLUGS) {
      const link = builtDocument(`/2022/${slug}/`).querySelectorAll('.share-bar a').find((a) => a.textContent === '保存图片');
      expect(link?.getAttribute('href')).toBe(`/2022/${slug}/poster.png`);
      expect(link?.hasAttribute('download')).toBe(true);
    }
    expect(builtDocument('/').querySelector('a[href="/2022/summary.png"]')?.textContent).toMatch(/一图读懂/);
  });

  it('keeps every rendered image in the cache under its content key, so an unchanged one is not rendered again', () => {
    const cached = new Set(readdirSync(CACHE_DIR).filter((file) => file.endsWith('.png')).map((file) => createHash('sha256').update(readFileSync(`${CACHE_DIR}/${file}`)).digest('hex')));
    for (const path of ['/2022/card.png', '/2022/summary.png', ...SLUGS.flatMap((s) => [`/2022/${s}/card.png`, `/2022/${s}/poster.png`])]) {
      expect(cached.has(createHash('sha256').update(png(path)).digest('hex')), path).toBe(true);
    }
  });
});
