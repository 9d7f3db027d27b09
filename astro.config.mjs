// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { pagefindIndex } from './src/integrations/pagefind-index';
import { precompress } from './src/integrations/precompress';
import { hostHeaders } from './src/integrations/host-headers';
import { noModulePreload } from './src/integrations/no-module-preload';
import { publisherSettings } from './src/integrations/publisher';

export default defineConfig({
  // The public address, for canonical links, share cards, feeds and data files. Deployments set SITE_URL.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  // precompress last: it compresses what the others wrote.
  integrations: [publisherSettings(), mdx(), pagefindIndex(), hostHeaders(), precompress()],
  trailingSlash: 'always',
  experimental: { incrementalBuild: true },
  // Component styles used only inside MDX were inlined without a CSP hash (seen in 7.3.5):
  // external stylesheets are always covered by 'self'.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // One stylesheet for the whole site (about 4 KB gzipped) instead of one per component: each page
  // waited for up to 7 small sheets before its first paint (Lighthouse mobile LCP 1.06–1.08 s), and
  // a reader's second page finds the one sheet cached. Every rule is scoped or global, so a page
  // styles nothing it did not style before (tests/build/first-paint.test.ts holds the budget).
  vite: { plugins: [noModulePreload()], build: { cssCodeSplit: false } },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind's search runs as WebAssembly.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
