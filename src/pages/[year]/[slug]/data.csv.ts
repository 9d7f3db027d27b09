import type { APIRoute } from 'astro';
import { type Achievement, type Edition } from '@/lib/content';
import { achievementRoutes } from '@/lib/routes';
import { toCsv } from '@/lib/data/csv';
import { dataFile } from '@/lib/data/records';

export const getStaticPaths = achievementRoutes;

export const GET: APIRoute = ({ props, site }) => {
  const { edition, achievement } = props as { edition: Edition; achievement: Achievement };
  return new Response(toCsv(dataFile(edition, [achievement], site)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
