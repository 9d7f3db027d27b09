import { z } from 'astro/zod';
import { figuresIn } from './numbers-in-text';

/**
 * Text an editor writes next to the figures (summaries, chart titles and captions): figures come from
 * metrics only. A number that is part of a name or phrase (2022年, 12123, K637—K642, 1+3+N, 24小时值班)
 * is allowed; numbers-in-text.ts says which is which and why.
 */
export function figureFreeText(field: string) {
  return z
    .string({ error: `${field} 必须填写` })
    .min(1, { error: `${field} 不能为空` })
    .superRefine((text, ctx) => {
      for (const figure of figuresIn(text)) {
        ctx.addIssue({
          code: 'custom',
          message: `${field} 不能含统计数字“${figure.text}”（${figure.reason}）：数字只能来自 metrics，避免正文与${field}不一致。年份、编号和名称中的数字（2022年、K637、12123、1+3+N、24小时值班）可以写`,
        });
      }
    });
}
