import { jsx } from 'astro/jsx-runtime';
import type { Achievement } from '@/lib/content';
import type { MetricPoint } from '@/lib/metrics/format';
import MetricFigure from './MetricFigure.astro';

/**
 * The components an achievement's MDX may use, bound to that achievement, so `<Metric id="…" />`
 * in the prose renders the entry's own metric without repeating which entry it is in.
 */
export function mdxComponentsFor(achievement: Achievement) {
  return {
    Metric: (props: { id: string; at?: MetricPoint }) => jsx(MetricFigure, { ...props, achievement }),
  };
}
