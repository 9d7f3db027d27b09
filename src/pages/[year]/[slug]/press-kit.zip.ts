import { createHash } from 'node:crypto';
import type { APIRoute } from 'astro';
import { getEditions, type Achievement, type Edition } from '@/lib/content';
import { achievementRoutes } from '@/lib/routes';
import { shareImage, shareImageKeys } from '@/lib/images/build-images';
import { achievementKitImages, achievementPressKit } from '@/lib/share/press-kits';

const site = import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined;

// An achievement's 素材包: /2022/muck-trucks/press-kit.zip. Its images are the published PNGs' bytes, drawn
// once for both; its cacheKey adds their content keys to the edition's, so a redrawn image rebuilds it.
export async function getStaticPaths() {
  return Promise.all(
    (await achievementRoutes()).map(async (route) => {
      const images = achievementKitImages(route.props.achievement).map(({ path }) => path);
      const keys = await shareImageKeys(images, getEditions);
      return { ...route, cacheKey: createHash('sha256').update(JSON.stringify([route.cacheKey, keys])).digest('hex') };
    }),
  );
}

export const GET: APIRoute = async ({ props }) => {
  const { edition, achievement } = props as { edition: Edition; achievement: Achievement };
  const zip = await achievementPressKit(edition, achievement, site, (path) => shareImage(path, getEditions));
  return new Response(zip, { headers: { 'content-type': 'application/zip' } });
};
