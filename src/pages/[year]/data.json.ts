import type { APIRoute } from 'astro';
import { type Edition } from '@/lib/content';
import { editionRoutes } from '@/lib/routes';
import { dataFile, jsonResponse } from '@/lib/data/records';

export const getStaticPaths = editionRoutes;

export const GET: APIRoute = ({ props, site }) => {
  const { edition } = props as { edition: Edition };
  return jsonResponse(dataFile(edition, edition.achievements, site));
};
