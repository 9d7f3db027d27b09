import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { achievementSchema } from './schema/achievement';
import { editionSchema } from './schema/edition';
import { schemaAware } from './schema/loader';

// CONTENT_DIR lets the tests build fixture editions; the site itself always reads ./content.
const base = process.env.CONTENT_DIR ?? './content';

export const collections = {
  editions: defineCollection({
    loader: schemaAware(glob({ pattern: '*/edition.yaml', base, generateId: ({ entry }) => entry.split('/')[0]! })),
    schema: editionSchema,
  }),
  achievements: defineCollection({
    loader: schemaAware(glob({ pattern: '*/[^_]*.mdx', base, generateId: ({ entry }) => entry.replace(/\.mdx$/, '') })),
    schema: achievementSchema,
  }),
};
