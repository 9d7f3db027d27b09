import { z } from 'astro/zod';
import './messages';

/** An edition's own data: content/<year>/edition.yaml. */
export const editionSchema = z
  .object({
    /** The year the edition covers; must match the folder name. */
    year: z.number({ error: 'year 必须是数字' }).int().min(2000).max(2100),
    title: z.string({ error: 'title 必须填写' }).min(1),
    subtitle: z.string({ error: 'subtitle 必须填写' }).min(1),
    /** Authors, as the source names them. */
    byline: z.array(z.string().min(1)).min(1, { error: 'byline 至少一位作者' }),
    /** The lead paragraph as in the source, its half-width commas printed in full width. */
    lead: z.string({ error: 'lead 必须填写' }).min(1),
    /** Figures for the front page's strip: an achievement slug and one of its metric ids. */
    keyFigures: z
      .array(z.object({ achievement: z.string(), metric: z.string() }).strict())
      .default([]),
  })
  .strict();

export type EditionData = z.infer<typeof editionSchema>;
