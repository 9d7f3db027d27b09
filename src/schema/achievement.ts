import { z } from 'astro/zod';
import { MAX_COUNTED } from '../lib/ordinal';
import './messages';
import { chartProblems, chartSchema } from './chart';
import { figureFreeText } from './figure-free';
import { metricSchema } from './metric';
import { todosIn } from './todo';

/** One of an edition's achievements: an MDX file under content/<year>/. */
export const achievementSchema = z
  .object({
    /** Position in the article, 1–99 (第一件 to 第九十九件), unique in its edition. */
    order: z
      .number({ error: `order 必须是 1 到 ${MAX_COUNTED} 的整数` })
      .int({ error: 'order 必须是整数' })
      .min(1, { error: 'order 最小为 1' })
      .max(MAX_COUNTED, { error: `order 最大为 ${MAX_COUNTED}` }),
    /** The public URL is /<year>/<slug>/: never change it once published. */
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'slug 只能用小写字母、数字和连字符' }),
    /** The achievement heading's first part, e.g. 持续重拳出击. */
    kicker: z.string().min(1, { error: 'kicker 不能为空' }),
    /** The achievement heading's second part, after the kicker. */
    title: z.string({ error: 'title 必须填写' }).min(1, { error: 'title 不能为空' }),
    /** One sentence for cards and share text, from the achievement's own words. Figures come from metrics only. */
    summary: figureFreeText('summary'),
    /** Topics, used as search filters. */
    tags: z.array(z.string().min(1)).min(1, { error: 'tags 至少一个' }),
    /**
     * Words readers type who never read the achievement: everyday, regional and colloquial names for its
     * subject (酒后开车 for 酒驾). Indexed for search, never shown.
     */
    aliases: z.array(z.string().min(1, { error: 'aliases 中不能有空字符串' })).default([]),
    /** The metric shown on the achievement's card. */
    headlineMetric: z.string().optional(),
    /** For an achievement with no figure to headline: a phrase quoted from its heading or text. */
    headlineQuote: z.string().min(1).optional(),
    /** Every figure in the achievement's text, in order of appearance. */
    metrics: z.array(metricSchema).default([]),
    /** Charts drawn from the metrics; an achievement without comparable figures has none. */
    charts: z.array(chartSchema).default([]),
    /**
     * Not published yet: no page, search entry, feed item or data row. The importer writes every entry
     * as a draft with TODO marks; the build lists what each draft still lacks.
     */
    draft: z.boolean({ error: 'draft 只能是 true 或 false' }).default(false),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if (!entry.draft) {
      for (const todo of todosIn(entry)) {
        ctx.addIssue({ code: 'custom', path: todo.path, message: `${todo.path.join('.')} 还是待填写的标记（${todo.text}）：填好后才能删去 draft: true` });
      }
    }
    const ids = new Set<string>();
    entry.metrics.forEach((metric, i) => {
      if (ids.has(metric.id)) {
        ctx.addIssue({ code: 'custom', path: ['metrics', i, 'id'], message: `metrics 中 id “${metric.id}” 重复` });
      }
      ids.add(metric.id);
    });
    entry.metrics.forEach((metric, i) => {
      if (metric.partOf && !ids.has(metric.partOf)) {
        ctx.addIssue({ code: 'custom', path: ['metrics', i, 'partOf'], message: `partOf 指向不存在的指标 “${metric.partOf}”` });
      }
      if (metric.continues && !entry.metrics.some((kind) => kind.partOf === metric.continues)) {
        ctx.addIssue({ code: 'custom', path: ['metrics', i, 'continues'], message: `continues 指向的 “${metric.continues}” 不是一个带“其中”各项（partOf）的指标` });
      }
    });
    if (Boolean(entry.headlineMetric) === Boolean(entry.headlineQuote)) {
      ctx.addIssue({ code: 'custom', path: ['headlineMetric'], message: 'headlineMetric 与 headlineQuote 必须且只能填一个' });
    }
    if (entry.headlineMetric && !ids.has(entry.headlineMetric)) {
      ctx.addIssue({ code: 'custom', path: ['headlineMetric'], message: `headlineMetric 指向不存在的指标 “${entry.headlineMetric}”` });
    }
    for (const problem of chartProblems(entry.charts, entry.metrics)) ctx.addIssue({ code: 'custom', ...problem });
  });

export type AchievementData = z.infer<typeof achievementSchema>;
