import type { APIRoute } from 'astro';
import { getEditions } from '@/lib/content';
import { achievementRoutes } from '@/lib/routes';
import { pngResponse, shareImage, shareImageRoutes } from '@/lib/images/build-images';
import { achievementFiles } from '@/lib/paths';

export const getStaticPaths = shareImageRoutes(achievementRoutes, ({ achievement }) => achievementFiles(achievement.href).card, getEditions);

export const GET: APIRoute = async ({ props }) => pngResponse(await shareImage((props as { image: string }).image, getEditions));
