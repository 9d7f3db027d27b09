import type { APIRoute } from 'astro';
import { editionRoutes, getEditions, type Edition } from '@/lib/content';
import { pngResponse, shareImage } from '@/lib/images/share-images';
import { editionFiles } from '@/lib/paths';

export const getStaticPaths = editionRoutes;

export const GET: APIRoute = async ({ props, site }) => {
  const { edition } = props as { edition: Edition };
  return pngResponse(await shareImage(editionFiles(edition.href).summary, getEditions, site));
};
