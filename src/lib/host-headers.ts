/**
 * The response headers for static hosts that read a `_headers` file (Netlify, Cloudflare Pages),
 * written by the build from what it built (src/integrations/host-headers.ts), so a new edition's
 * folder (/2023/) or a new page folder is covered without anyone editing the file.
 *
 * Each page also carries a <meta> Content-Security-Policy with the hashes of its own scripts and
 * styles (Astro security.csp); browsers enforce both. A <meta> policy cannot carry frame-ancestors,
 * so framing is decided here: no page may be framed by another site, except the chart embeds under
 * /embed/. deploy/nginx.conf sends the same headers (tests/e2e/nginx.test.ts compares them).
 */

/** Headers every response gets. */
export const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
};

/** A page no other site may frame. */
export const PAGE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'",
  'X-Frame-Options': 'DENY',
};

/** A chart embed, made to be framed anywhere. */
export const EMBED_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "frame-ancestors *; object-src 'none'; base-uri 'self'; form-action 'self'",
};

/** The folder of the chart embeds: /embed/<year>/<slug>/<chart>/. */
export const EMBED_FOLDER = 'embed';

/** Hashed build assets never change under the same name; everything else is revalidated. */
export const ASSETS_FOLDER = '_astro';

/** What the build wrote at the top of its output: the HTML files there, and the folders holding at least one page. */
export interface BuiltPages {
  /** index.html, 404.html */
  files: readonly string[];
  /** 2022, 2023, data, editions, embed, search */
  folders: readonly string[];
}

/**
 * The `_headers` file for these pages. Rules are written per top-level page and folder (not "/*" then
 * an exception) because hosts differ on how they merge or detach the headers of overlapping rules.
 */
export function hostHeadersFile({ files, folders }: BuiltPages): string {
  const pagePatterns = [...(files.includes('index.html') ? ['/'] : []), ...[...files].sort().map((file) => `/${file}`)];
  const rules: [string, Record<string, string>][] = [
    ['/*', COMMON_HEADERS],
    ...pagePatterns.map((pattern): [string, Record<string, string>] => [pattern, PAGE_HEADERS]),
    ...[...folders].sort().map((folder): [string, Record<string, string>] => [`/${folder}/*`, folder === EMBED_FOLDER ? EMBED_HEADERS : PAGE_HEADERS]),
    [`/${ASSETS_FOLDER}/*`, { 'Cache-Control': 'public, max-age=31536000, immutable' }],
  ];
  const body = rules.map(([pattern, headers]) => [pattern, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n')).join('\n\n');
  return `# Written by the build (src/lib/host-headers.ts) from the pages it built: do not edit.\n${body}\n`;
}
