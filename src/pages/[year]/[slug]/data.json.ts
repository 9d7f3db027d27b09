import type { APIRoute } from 'astro';
import { type Achievement, type Edition } from '@/lib/content';
import { achievementRoutes } from '@/lib/routes';
import { dataFile, jsonResponse } from '@/lib/data/records';

export const getStaticPaths = achievementRoutes;

export const GET: APIRoute = ({ props, site }) => {
  const { edition, achievement } = props as { edition: Edition; achievement: Achievement };
  return jsonResponse(dataFile(edition, [achievement], site));
};
