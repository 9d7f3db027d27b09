import type { BarElement, BarProps, Chart, Plugin } from 'chart.js';
import type { ValueLabelOptions } from '@/lib/charts/config';
import { textOn } from '@/lib/charts/theme';

const GAP = 6;

/**
 * Labels the bars directly, so no legend squeezes a phone-sized chart: each printed figure at its bar's
 * end (outside when it fits, else inside in a readable colour) and, on horizontal charts, each bar's
 * name above it across the full width.
 */
export const valueLabels: Plugin<'bar', ValueLabelOptions> = {
  id: 'valueLabels',
  afterDatasetsDraw(chart: Chart<'bar'>, _, options) {
    if (!options.values) return;
    const { ctx, chartArea } = chart;
    const horizontal = chart.options.indexAxis === 'y';
    const bars = chart.getDatasetMeta(0).data as BarElement[];
    const fills = chart.data.datasets[0]?.borderColor as string[];
    ctx.save();
    bars.forEach((bar, i) => {
      const { x, y, base, width, height } = bar.getProps(['x', 'y', 'base', 'width', 'height'], true) as BarProps & { x: number; y: number };
      const value = options.values[i] ?? '';
      if (horizontal) {
        const category = options.categories?.[i];
        if (category) {
          ctx.font = fontOf(options, 400);
          ctx.fillStyle = options.color;
          ctx.textAlign = 'left';
          ctx.textBaseline = 'bottom';
          ctx.fillText(category, chartArea.left, y - height / 2 - 3, chartArea.width);
        }
        ctx.font = fontOf(options, 700);
        const room = x >= base ? chartArea.right - x : x - chartArea.left;
        const fits = ctx.measureText(value).width + GAP <= room;
        const outward = x >= base ? 1 : -1;
        ctx.textBaseline = 'middle';
        ctx.textAlign = (outward > 0) === fits ? 'left' : 'right';
        ctx.fillStyle = fits ? options.color : textOn(fills[i] ?? options.color, options.inside);
        ctx.fillText(value, x + outward * (fits ? GAP : -GAP), y);
      } else {
        ctx.font = fontOf(options, 700);
        ctx.fillStyle = options.color;
        ctx.textAlign = 'center';
        ctx.textBaseline = 'bottom';
        ctx.fillText(value, x, Math.min(y, base) - 4, width * 2);
      }
    });
    ctx.restore();
  },
};

function fontOf({ font }: ValueLabelOptions, weight: number): string {
  return `${weight} ${font.size}px ${font.family}`;
}
