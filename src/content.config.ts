import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { achievementSchema } from './schema/achievement';
import { editionSchema } from './schema/edition';
import { failuresShown, schemaAware } from './schema/loader';

// CONTENT_DIR lets the tests build fixture editions; the site itself always reads ./content.
const base = process.env.CONTENT_DIR ?? './content';

export const collections = {
  editions: defineCollection({
    loader: failuresShown(schemaAware(glob({ pattern: '*/edition.yaml', base, generateId: ({ entry }) => entry.split('/')[0]! }), base), editionSchema),
    schema: editionSchema,
  }),
  achievements: defineCollection({
    loader: failuresShown(schemaAware(glob({ pattern: '*/[^_]*.mdx', base, generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }), base), achievementSchema),
    schema: achievementSchema,
  }),
};
