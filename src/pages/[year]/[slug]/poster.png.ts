import type { APIRoute } from 'astro';
import { getEditions, sectionRoutes, type Achievement } from '@/lib/content';
import { pngResponse, shareImage } from '@/lib/images/share-images';
import { sectionFiles } from '@/lib/paths';

export const getStaticPaths = sectionRoutes;

export const GET: APIRoute = async ({ props, site }) => {
  const { achievement } = props as { achievement: Achievement };
  return pngResponse(await shareImage(sectionFiles(achievement.href).poster, getEditions, site));
};
