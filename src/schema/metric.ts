import { z } from 'astro/zod';
import './messages';
import { figureFreeText } from './figure-free';

/**
 * How the source hedges a figure. It is part of the number: 69万余 is "more than 690,000". 余, 多,
 * 以上 and 超过 bound it from below (3000多人, 超过3万人), 不足 and 近 from above (近5000人 is just
 * under 5000), 约 says it is rounded.
 */
export const qualifierSchema = z.enum(['余', '多', '以上', '超过', '不足', '近', '约'], {
  error: 'qualifier 只能是 余、多、以上、超过、不足、近 或 约',
});
export type Qualifier = z.infer<typeof qualifierSchema>;

/**
 * Units the source counts in. Extend the list when a new edition counts in something else. (小时 was
 * here only for 24小时值班, which is a way of working, not a quantity: numbers-in-text.ts.) Sums of
 * money are 元 in 万 where the source writes 万元 (scale: 万).
 */
export const UNITS = ['人次', '起', '人', '名', '家', '辆', '辆次', '条', '个', '件', '台', '处', '项', '次', '场', '所', '户', '米', '公里', '元', '份', '%'] as const;
export const unitSchema = z.enum(UNITS, {
  error: `unit 不在允许的单位之列（${UNITS.join('、')}）`,
});
export type Unit = z.infer<typeof unitSchema>;

/** The source's verbs for a change; 下降 and 上升 are the defaults `wording` leaves out. */
export const CHANGE_VERBS = ['下降', '减少', '降低', '上升', '增长', '增加', '提升'] as const;
/** The source's words from an earlier rate to a later one (由原来的15%提升至90%以上). */
export const BEFORE_TO = ['提升至', '提升到', '上升至', '上升到', '增长至', '增长到', '增加到', '降至', '降到', '下降至', '下降到', '降低至', '降低到'] as const;
const RISING_TO = /^(提升|上升|增长|增加)/;

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
    /** The source's hedge: 余/多 (more than), 以上 (at least), 超过 (over), 不足 (under), 近 (nearly), 约 (about). */
    qualifier: qualifierSchema.optional(),
    /** count: a number of things; share: a rate or proportion; change: a rise or fall, not a level. */
    kind: z.enum(['count', 'share', 'change'], { error: 'kind 只能是 count、share 或 change' }),
    /** For a change: which way it went. */
    direction: z.enum(['down', 'up'], { error: 'direction 只能是 down 或 up' }).optional(),
    /** For a change: the source's verb when it is not the default 下降/上升 (e.g. 减少). */
    wording: z.enum(CHANGE_VERBS, { error: `wording 只能是 ${CHANGE_VERBS.join('、')}` }).optional(),
    /** For a change: the comparison the source names (同比 year on year, 环比 on the previous period). Absent when the source names none. */
    basis: z.enum(['同比', '环比'], { error: 'basis 只能是 同比 或 环比' }).optional(),
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
        to: z.enum(BEFORE_TO, { error: `before.to 必须填写原文的用词：${BEFORE_TO.join('、')}` }),
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
    if (metric.before && RISING_TO.test(metric.before.to) !== metric.value > metric.before.value) {
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
