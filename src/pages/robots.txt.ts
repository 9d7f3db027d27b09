import type { APIRoute } from 'astro';
import { absoluteUrl, SITEMAP } from '@/lib/paths';

export const GET: APIRoute = ({ site }) => new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(SITEMAP, site)}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
