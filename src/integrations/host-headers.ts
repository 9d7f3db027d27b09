import type { AstroIntegration } from 'astro';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostHeadersFile } from '../lib/host-headers';

/**
 * Writes dist/_headers at the end of `astro build` from the pages the build wrote: every top-level
 * HTML file and every top-level folder that holds a page gets its rule, so an edition added as
 * content/2023/ is served with its frame policy like /2022/ (see src/lib/host-headers.ts).
 */
export function hostHeaders(): AstroIntegration {
  return {
    name: 'site-host-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const entries = await readdir(root, { withFileTypes: true });
        const files = entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => e.name);
        const folders: string[] = [];
        for (const entry of entries) {
          if (!entry.isDirectory() || /^[._]/.test(entry.name)) continue;
          const inside = await readdir(join(root, entry.name), { recursive: true });
          if (inside.some((file) => file.endsWith('.html'))) folders.push(entry.name);
        }
        await writeFile(join(root, '_headers'), hostHeadersFile({ files, folders }));
        logger.info(`_headers：${files.length} 个页面文件、${folders.length} 个页面文件夹（${folders.sort().join('、')}）`);
      },
    },
  };
}
