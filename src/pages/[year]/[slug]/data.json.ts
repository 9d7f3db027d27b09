import type { APIRoute } from 'astro';
import { sectionRoutes, type Achievement, type Edition } from '@/lib/content';
import { dataFile, jsonResponse } from '@/lib/data/records';

export const getStaticPaths = sectionRoutes;

export const GET: APIRoute = ({ props, site }) => {
  const { edition, achievement } = props as { edition: Edition; achievement: Achievement };
  return jsonResponse(dataFile(edition, [achievement], site));
};
