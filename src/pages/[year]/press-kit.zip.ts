import type { APIRoute } from 'astro';
import { editionRoutes, getEditions, type Edition } from '@/lib/content';
import { shareImage } from '@/lib/images/share-images';
import { editionPressKit } from '@/lib/share/press-kits';

// An edition's 素材包: /2022/press-kit.zip. Its images are the published PNGs' bytes, drawn once for both.
export const getStaticPaths = editionRoutes;

export const GET: APIRoute = async ({ props, site }) => {
  const { edition } = props as { edition: Edition };
  const zip = await editionPressKit(edition, site, (path) => shareImage(path, getEditions));
  return new Response(zip, { headers: { 'content-type': 'application/zip' } });
};
