import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';

/** The source of every schema module: what a parsed entry depends on besides its own file. */
export function schemaDigest(dir = fileURLToPath(new URL('.', import.meta.url))): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts')).sort()) hash.update(file).update(readFileSync(join(dir, file)));
  return hash.digest('hex');
}

/**
 * A loader that forgets the entries it parsed whenever the schema's source changes. Astro's content
 * cache re-parses an entry only when its own file changes (and the whole store only when
 * content.config.ts itself does), so an edit in src/schema/ left data parsed by the old schema in
 * the cache, and a build without --force published it.
 */
export function schemaAware(loader: Loader, digestOfSchema: () => string = schemaDigest): Loader {
  return {
    ...loader,
    load: async (context) => {
      const digest = digestOfSchema();
      if (context.meta.get('schema-digest') !== digest) {
        context.store.clear();
        context.meta.set('schema-digest', digest);
      }
      return loader.load(context);
    },
  };
}
