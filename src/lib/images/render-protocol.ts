/** What the main thread and the image workers say to each other (render.ts, render-worker.ts). */
import type { ChartImageSpec } from '../charts/chart-image';
import type { LoadedFont } from './font';
import type { ImageNode } from './layouts';

export interface WorkerFonts {
  fonts: LoadedFont[];
}

/** Draw this tree (a share image) or this chart, and write the PNG to `file`. */
export type RenderJob = { id: number; file: string } & (
  | { tree: ImageNode; width: number; height: number; chart?: never }
  | { chart: ChartImageSpec; family: string; tree?: never }
);

export interface RenderReply {
  id: number;
  error?: string;
}
