// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { pagefindIndex } from './src/integrations/pagefind-index';

export default defineConfig({
  integrations: [mdx(), pagefindIndex()],
  trailingSlash: 'always',
  build: { format: 'directory' },
});
