/**
 * A worker thread that draws share images: satori lays the tree out as SVG, resvg paints it, png.ts
 * encodes it.
 * The build's main thread renders pages meanwhile (render.ts). Node runs this file as it is (type
 * stripping), outside Vite's bundle: it imports packages and local modules by their .ts name, and
 * uses erasable syntax only.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { encodePng } from './png.ts';
import type { RenderJob, RenderReply, WorkerFonts } from './render-protocol';

const { fonts } = workerData as WorkerFonts;

parentPort!.on('message', async ({ id, file, tree, width, height }: RenderJob) => {
  let reply: RenderReply;
  try {
    const svg = await satori(tree as Parameters<typeof satori>[0], { width, height, fonts });
    const image = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
    const png = encodePng({ width: image.width, height: image.height, rgba: image.pixels });
    // Written aside and renamed, so an interrupted build never leaves a truncated image in the cache;
    // the aside name is this process's and thread's own, as two builds may share the cache.
    const partial = `${file}.${process.pid}-${threadId}.partial`;
    writeFileSync(partial, png);
    renameSync(partial, file);
    reply = { id };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
