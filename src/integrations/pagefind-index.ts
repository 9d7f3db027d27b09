import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';

/**
 * The pages Pagefind reads, relative to dist/: /<year>/<slug>/ (and /<year>/full/, which has no
 * data-pagefind-body and is skipped). Only achievement pages carry a data-pagefind-body; parsing the rest
 * (chart embeds, edition fronts) was work that grew with every entry.
 */
const SECTION_PAGES = '*/*/index.html';

/**
 * Builds the Pagefind index into dist/pagefind/ at the end of `astro build`, so `npm run build` (and
 * `npm start`) always ship a search index that matches the pages. Only elements marked
 * `data-pagefind-body` (the achievement articles) are indexed.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'site-pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        try {
          // Every page is zh-CN; forcing the language keeps jieba segmentation on even if a page lost its lang.
          const { index, errors } = await createIndex({ forceLanguage: 'zh' });
          if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site, glob: SECTION_PAGES });
          if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error('Pagefind: 没有页面带 data-pagefind-body，搜索索引为空');
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
          logger.info(`搜索索引：${added.page_count} 个页面 → ${written.outputPath}`);
        } finally {
          await close();
        }
      },
    },
  };
}
