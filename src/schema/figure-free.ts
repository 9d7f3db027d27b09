import { z } from 'astro/zod';

// Digits that are names, not figures: the 12123 hotline, road markers (K637—K642), the 1+3+N model.
const NAMES_WITH_DIGITS = /12123|K\d+—K\d+|\d+\+\d+\+N/g;

/** Text an editor writes next to the figures (summaries, chart titles): figures come from metrics only. */
export function figureFreeText(field: string) {
  return z
    .string({ error: `${field} 必须填写` })
    .min(1, { error: `${field} 不能为空` })
    .refine((s) => !/\d/.test(s.replace(NAMES_WITH_DIGITS, '')), {
      error: `${field} 不能含数字：数字只能来自 metrics，避免正文与${field}不一致`,
    });
}
