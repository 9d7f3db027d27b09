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
    /**
     * Words readers might search for, shown in the search box as its examples (the latest edition's):
     * 酒驾, 头盔, 12123…. An editor's choice; without it, the edition's first tags.
     */
    searchExamples: z.array(z.string().min(1, { error: 'searchExamples 中不能有空字符串' })).max(8, { error: 'searchExamples 最多 8 个' }).optional(),
  })
  .strict();

export type EditionData = z.infer<typeof editionSchema>;
