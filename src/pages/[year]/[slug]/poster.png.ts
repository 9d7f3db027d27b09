import type { APIRoute } from 'astro';
import { sectionRoutes, getEditions } from '@/lib/content';
import { pngResponse, shareImage, shareImageRoutes } from '@/lib/images/share-images';
import { sectionFiles } from '@/lib/paths';

export const getStaticPaths = shareImageRoutes(sectionRoutes, ({ achievement }) => sectionFiles(achievement.href).poster, getEditions);

export const GET: APIRoute = async ({ props }) => pngResponse(await shareImage((props as { image: string }).image, getEditions));
