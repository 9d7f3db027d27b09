import { createHash } from 'node:crypto';
import type { APIRoute } from 'astro';
import { getEditions, type Edition } from '@/lib/content';
import { editionRoutes } from '@/lib/routes';
import { shareImage, shareImageKeys } from '@/lib/images/build-images';
import { editionKitImages, editionPressKit } from '@/lib/share/press-kits';

const site = import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined;

// An edition's 素材包: /2022/press-kit.zip. Its images are the published PNGs' bytes, drawn once for
// both; its cacheKey adds their content keys to the edition's, so a redrawn image rebuilds it.
export async function getStaticPaths() {
  return Promise.all(
    (await editionRoutes()).map(async (route) => {
      const keys = await shareImageKeys(editionKitImages(route.props.edition).map(({ path }) => path), getEditions);
      return { ...route, cacheKey: createHash('sha256').update(JSON.stringify([route.cacheKey, keys])).digest('hex') };
    }),
  );
}

export const GET: APIRoute = async ({ props }) => {
  const { edition } = props as { edition: Edition };
  const zip = await editionPressKit(edition, site, (path) => shareImage(path, getEditions));
  return new Response(zip, { headers: { 'content-type': 'application/zip' } });
};
