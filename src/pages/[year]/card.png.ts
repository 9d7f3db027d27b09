import type { APIRoute } from 'astro';
import { getEditions } from '@/lib/content';
import { editionRoutes } from '@/lib/routes';
import { pngResponse, shareImage, shareImageRoutes } from '@/lib/images/build-images';
import { editionFiles } from '@/lib/paths';

export const getStaticPaths = shareImageRoutes(editionRoutes, ({ edition }) => editionFiles(edition.href).card, getEditions);

export const GET: APIRoute = async ({ props }) => pngResponse(await shareImage((props as { image: string }).image, getEditions));
