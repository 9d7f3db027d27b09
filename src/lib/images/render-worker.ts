/**
 * A worker thread that draws the build's images: share images (satori lays the tree out as SVG,
 * resvg paints it) and charts (chart-drawing.ts); png.ts encodes both.
 * The build's main thread renders pages meanwhile (render.ts). Node runs this file as it is (type
 * stripping), outside Vite's bundle: it imports packages and local modules by their .ts name, and
 * uses erasable syntax only.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { encodePng, type Pixels } from './png.ts';
import type { RenderJob, RenderReply, WorkerFonts } from './render-protocol';

const { fonts } = workerData as WorkerFonts;

// The chart code is the page's own (src/lib/charts, src/components/charts), written for Vite:
// imports without an extension and by the `@/` alias (tsconfig paths). Node resolves them here.
const SRC = new URL('../../', import.meta.url);
registerHooks({
  resolve(specifier, context, nextResolve) {
    const ours = specifier.startsWith('@/') || (specifier.startsWith('.') && context.parentURL?.startsWith(SRC.href));
    if (!ours || /\.[cm]?[jt]s$/.test(specifier)) return nextResolve(specifier, context);
    return nextResolve(`${specifier.startsWith('@/') ? new URL(specifier.slice(2), SRC).href : specifier}.ts`, context);
  },
});

// Loaded on the first chart, so a worker drawing only share images never loads Chart.js and skia.
let charts: Promise<typeof import('./chart-drawing')> | undefined;

async function draw(job: RenderJob): Promise<Pixels> {
  if (job.chart) {
    const { drawChartImage } = await (charts ??= import('./chart-drawing.ts'));
    return drawChartImage(job.chart, fonts, job.family);
  }
  const svg = await satori(job.tree as Parameters<typeof satori>[0], { width: job.width, height: job.height, fonts });
  const image = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
  return { width: image.width, height: image.height, rgba: image.pixels };
}

parentPort!.on('message', async (job: RenderJob) => {
  let reply: RenderReply;
  try {
    const png = encodePng(await draw(job));
    // Written aside and renamed, so an interrupted build never leaves a truncated image in the cache;
    // the aside name is this process's and thread's own, as two builds may share the cache.
    const partial = `${job.file}.${process.pid}-${threadId}.partial`;
    writeFileSync(partial, png);
    renameSync(partial, job.file);
    reply = { id: job.id };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
