import { z } from 'astro/zod';
import './messages';
import { figureFreeText } from './figure-free';

/** How the source hedges a figure. It is part of the number: 69万余 is "more than 690,000". */
export const qualifierSchema = z.enum(['余', '以上', '不足'], {
  error: 'qualifier 只能是 余、以上 或 不足',
});
export type Qualifier = z.infer<typeof qualifierSchema>;

/**
 * Units the source counts in. Extend the list when a new edition counts in something else. (小时 was
 * here only for 24小时值班, which is a way of working, not a quantity: numbers-in-text.ts.)
 */
export const unitSchema = z.enum(['人次', '起', '人', '名', '家', '辆', '条', '个', '件', '%'], {
  error: 'unit 不在允许的单位之列（人次、起、人、名、家、辆、条、个、件、%）',
});
export type Unit = z.infer<typeof unitSchema>;

const figureValue = z
  .number({ error: 'value 必须是数字（不要加引号、单位或“万”）' })
  .nonnegative({ error: 'value 不能为负数：下降用 kind: change 和 direction: down 表示' });

export const metricSchema = z
  .object({
    /** Anchor and reference name, unique in its entry: `#drink-cases`, `<Metric id="drink-cases" />`. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'id 只能用小写字母、数字和连字符' }),
    /** What is counted, in the source's Chinese words. */
    label: z.string().min(1, { error: 'label 不能为空' }),
    /** The number itself, unscaled: 69万余 is 690000. For a change, the size of the change. */
    value: figureValue,
    /** Written in 万 where the source writes it so (69万余人次). */
    scale: z.literal('万', { error: 'scale 只能是 万' }).optional(),
    unit: unitSchema,
    /** The source's hedge: 余 (more than), 以上 (at least), 不足 (under). */
    qualifier: qualifierSchema.optional(),
    /** count: a number of things; share: a rate or proportion; change: a rise or fall, not a level. */
    kind: z.enum(['count', 'share', 'change'], { error: 'kind 只能是 count、share 或 change' }),
    /** For a change: which way it went. */
    direction: z.enum(['down', 'up'], { error: 'direction 只能是 down 或 up' }).optional(),
    /** For a change: the source's verb when it is not the default 下降/上升 (e.g. 减少). */
    wording: z.enum(['下降', '减少', '上升', '增加', '提升']).optional(),
    /** For a change: the comparison the source names. Absent when the source names none. */
    basis: z.literal('同比').optional(),
    /**
     * The source's words for when (and, where they are one phrase, where) the figure was counted, as
     * written before it: 2022年, 全市累计, 累计, 目前. Only on a figure those words govern; absent where the
     * source states none (never the edition's year by default). Named kinds (partOf) share their total's.
     */
    period: figureFreeText('period').optional(),
    /** This count is one named kind among the cases of another metric; kinds need not add up. */
    partOf: z.string().optional(),
    /**
     * The source lists this figure right after the named kinds (其中…) of that metric, joined by a comma,
     * without saying whether it is one of them (处罚6.6万余人次 after 其中，劝导不戴头盔45万余人次).
     * It is shown with that sentence's structure, never as inside or outside the 其中 group.
     */
    continues: z.string().optional(),
    /**
     * For a before/after rate: the earlier value, with its own qualifier, the source's word for when and
     * the source's verbs. No difference is ever computed: an earlier point such as 一度 (once, at a time
     * the source does not give) is not a baseline.
     */
    before: z
      .object({
        value: figureValue,
        qualifier: qualifierSchema.optional(),
        /** The source's word for the earlier point: 原来, 一度, 年初. */
        label: z.string().min(1),
        /**
         * The source's verb when it states the earlier value in a clause of its own (一度达到26.93%);
         * absent when the source writes 由原来的15%提升至90%以上.
         */
        verb: z.enum(['达到'], { error: 'before.verb 只能是 达到' }).optional(),
        /** The source's words from the earlier value to the later one: 提升至, 提升到, 降至. */
        to: z.enum(['提升至', '提升到', '降至'], { error: 'before.to 必须填写原文的用词：提升至、提升到 或 降至' }),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((metric, ctx) => {
    if (metric.kind === 'change' && !metric.direction) {
      ctx.addIssue({ code: 'custom', path: ['direction'], message: 'kind: change 需要 direction（down 或 up）' });
    }
    if (metric.kind !== 'change' && (metric.direction || metric.wording || metric.basis)) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'direction、wording、basis 只用于 kind: change' });
    }
    if (metric.before && metric.kind !== 'share') {
      ctx.addIssue({ code: 'custom', path: ['before'], message: 'before 只用于 kind: share 的前后对比' });
    }
    if (metric.before && metric.before.to.startsWith('提升') !== metric.value > metric.before.value) {
      ctx.addIssue({ code: 'custom', path: ['before', 'to'], message: `before.to “${metric.before.to}” 与数值不符：前值 ${metric.before.value}，后值 ${metric.value}` });
    }
    if (metric.partOf && metric.continues) {
      ctx.addIssue({ code: 'custom', path: ['continues'], message: 'partOf 与 continues 不能同时填写：continues 表示原文未说明它是否属于“其中”' });
    }
    if ((metric.kind === 'share' || metric.kind === 'change') && metric.unit !== '%') {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: `kind: ${metric.kind} 的 unit 必须是 %` });
    }
  });

export type Metric = z.infer<typeof metricSchema>;
