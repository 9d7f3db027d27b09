/** What the main thread and the image workers say to each other (render.ts, render-worker.ts). */
import type { LoadedFont } from './font';
import type { ImageNode } from './layouts';

export interface WorkerFonts {
  fonts: LoadedFont[];
}

/** Draw this tree and write the PNG to `file`. */
export interface RenderJob {
  id: number;
  file: string;
  tree: ImageNode;
  width: number;
  height: number;
}

export interface RenderReply {
  id: number;
  error?: string;
}
