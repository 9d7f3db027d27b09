import type { APIRoute } from 'astro';
import { editionRoutes, type Edition } from '@/lib/content';
import { dataFile, jsonResponse } from '@/lib/data/records';

export const getStaticPaths = editionRoutes;

export const GET: APIRoute = ({ props, site }) => {
  const { edition } = props as { edition: Edition };
  return jsonResponse(dataFile(edition, edition.achievements, site));
};
