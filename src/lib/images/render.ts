import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { fontVersion, loadFonts, type ImageFonts } from './font';
import type { ImageSpec } from './layouts';

/** Rendered PNGs by content: an unchanged image is read back instead of rendered again. */
// SHARE_IMAGE_CACHE lets the scale benchmark time cold builds without touching the real cache.
export const CACHE_DIR = process.env.SHARE_IMAGE_CACHE ?? join(process.cwd(), 'node_modules/.cache/share-images');

// Bump when the rendering changes in a way its inputs do not show.
const RENDERER = 'satori@0.63.2+resvg@2.6.2/1';

/** The cache key: the image's tree and size, the font release and the renderer. */
export function imageKey(spec: ImageSpec): string {
  return createHash('sha256').update(JSON.stringify([RENDERER, fontVersion(), spec.width, spec.height, spec.tree])).digest('hex');
}

export interface Renderer {
  render(spec: ImageSpec): Promise<Uint8Array>;
}

/**
 * A renderer for a set of images: the font is cut to the characters of all of them, once, and only
 * if one of them is not already in the cache.
 */
export function imageRenderer(allText: () => string): Renderer {
  let fonts: Promise<ImageFonts> | undefined;
  return {
    async render(spec) {
      const file = join(CACHE_DIR, `${imageKey(spec)}.png`);
      if (existsSync(file)) return readFileSync(file);
      fonts ??= loadFonts(allText());
      const { fonts: slices, family } = await fonts;
      const root = { ...spec.tree, props: { ...spec.tree.props, style: { ...spec.tree.props.style, fontFamily: family } } };
      // No loadAdditionalAsset: loadFonts has already stopped the build if a character is in no slice.
      const svg = await satori(root as Parameters<typeof satori>[0], { width: spec.width, height: spec.height, fonts: slices });
      const png = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
      mkdirSync(CACHE_DIR, { recursive: true });
      writeFileSync(file, png);
      return png;
    },
  };
}
