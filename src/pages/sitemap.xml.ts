import type { APIRoute } from 'astro';
import { getEditions } from '@/lib/content';
import { absoluteUrl } from '@/lib/paths';
import { publicPages, sitemapXml } from '@/lib/site-map';

export const GET: APIRoute = async ({ site }) => {
  const pages = publicPages(await getEditions());
  return new Response(sitemapXml(pages.map((path) => absoluteUrl(path, site))), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
