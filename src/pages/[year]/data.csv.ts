import type { APIRoute } from 'astro';
import { type Edition } from '@/lib/content';
import { editionRoutes } from '@/lib/routes';
import { toCsv } from '@/lib/data/csv';
import { dataFile } from '@/lib/data/records';

export const getStaticPaths = editionRoutes;

export const GET: APIRoute = ({ props, site }) => {
  const { edition } = props as { edition: Edition };
  return new Response(toCsv(dataFile(edition, edition.achievements, site)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
