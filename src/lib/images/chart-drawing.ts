/**
 * Draws a chart image on an image worker (render-worker.ts): Chart.js on @napi-rs/canvas, with the
 * page's own configuration (chartConfigFor) and value labels, composed like the page's 下载图片.
 * Runs in Node outside Vite's bundle, loaded after render-worker.ts taught Node the project's
 * extensionless and `@/` imports.
 */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import { composeChart, composedSize } from '../../components/charts/compose';
import { valueLabels } from '../../components/charts/value-labels';
import { chartConfigFor } from '../charts/config';
import type { ChartImageSpec } from '../charts/chart-image';
import type { LoadedFont } from './font';
import type { Pixels } from './png';

// No Tooltip: nothing hovers over a picture.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, valueLabels);

let registered = false;

/** Gives skia the build's cut font, each slice under its own family (as satori gets them, font.ts). */
function registerFonts(fonts: readonly LoadedFont[]) {
  if (registered) return;
  registered = true;
  // The data arrives from the main thread as a plain Uint8Array.
  for (const font of fonts) GlobalFonts.register(Buffer.from(font.data.buffer, font.data.byteOffset, font.data.byteLength), font.name);
}

/** The chart's pixels: `family` names the registered slices, in order (skia takes each character from the first that has it). */
export function drawChartImage(spec: ChartImageSpec, fonts: readonly LoadedFont[], family: string): Pixels {
  registerFonts(fonts);
  const theme = { ...spec.theme, fontFamily: family, animation: false };
  const config = chartConfigFor(spec.chart, spec.metrics, theme);
  const canvas = createCanvas(spec.width, spec.height);
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, {
    ...config,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: spec.ratio, font: { family } },
  });
  try {
    const size = composedSize(canvas, spec.ratio, spec.credit.length);
    const out = createCanvas(size.width, size.height);
    composeChart(canvas, spec.ratio, { title: spec.chart.title, credit: spec.credit }, theme, out);
    const { data } = out.getContext('2d').getImageData(0, 0, out.width, out.height);
    return { width: out.width, height: out.height, rgba: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } finally {
    chart.destroy();
  }
}
