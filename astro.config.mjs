// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  // The public address, for canonical links, share cards, feeds and data files. Deployments set SITE_URL.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  integrations: [mdx()],
  trailingSlash: 'always',
  build: { format: 'directory' },
});
