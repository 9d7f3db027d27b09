import { createHash } from 'node:crypto';

/**
 * The CSP source of an inline script or style, as Astro's `security.csp` writes its own
 * (`sha256-…`, base64 of the UTF-8 text between the tags). Astro hashes what it bundles, never an
 * `is:inline` script: a page adds this with `Astro.csp.insertScriptHash`.
 */
export function cspHash(source: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}`;
}
