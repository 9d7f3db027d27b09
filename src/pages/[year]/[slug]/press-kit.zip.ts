import type { APIRoute } from 'astro';
import { getEditions, sectionRoutes, type Achievement, type Edition } from '@/lib/content';
import { shareImage } from '@/lib/images/share-images';
import { sectionPressKit } from '@/lib/share/press-kits';

// A section's 素材包: /2022/muck-trucks/press-kit.zip. Its images are the published PNGs' bytes, drawn once for both.
export const getStaticPaths = sectionRoutes;

export const GET: APIRoute = async ({ props, site }) => {
  const { edition, achievement } = props as { edition: Edition; achievement: Achievement };
  const zip = await sectionPressKit(edition, achievement, site, (path) => shareImage(path, getEditions));
  return new Response(zip, { headers: { 'content-type': 'application/zip' } });
};
