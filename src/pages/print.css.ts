import type { APIRoute } from 'astro';
import { absoluteUrl } from '@/lib/paths';

/**
 * The one print rule that needs the public address: a site-internal link prints as its absolute URL.
 * (global.css holds the rest of the print stylesheet; CSS cannot resolve a relative href by itself.)
 */
export const GET: APIRoute = ({ site }) => {
  const origin = JSON.stringify(absoluteUrl('/', site).replace(/\/$/, ''));
  const css = `a[href^="/"]::after { content: " (" ${origin} attr(href) ")"; font-size: 0.8em; overflow-wrap: anywhere; }\n`;
  return new Response(css, { headers: { 'content-type': 'text/css; charset=utf-8' } });
};
