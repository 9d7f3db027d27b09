import type { APIRoute } from 'astro';
import { jsonResponse } from '@/lib/data/records';
import { dataJsonSchema } from '@/lib/data/schema';
import { absoluteUrl, DATA_SCHEMA } from '@/lib/paths';

export const GET: APIRoute = ({ site }) => jsonResponse(dataJsonSchema(absoluteUrl(DATA_SCHEMA, site)));
