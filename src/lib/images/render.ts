import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fontVersion, loadFonts, packageVersion, type ImageFonts } from './font';
import type { ChartImageSpec } from '../charts/chart-image';
import type { ImageSpec } from './layouts';
import type { RenderJob, RenderReply, WorkerFonts } from './render-protocol';

/** Rendered PNGs by content: an unchanged image is read back instead of rendered again. */
// SHARE_IMAGE_CACHE lets the scale benchmark time cold builds without touching the real cache.
export const CACHE_DIR = process.env.SHARE_IMAGE_CACHE ?? join(process.cwd(), 'node_modules/.cache/share-images');

// Run by Node itself, not bundled: Vite would leave a worker's file out of the build's bundle. In the
// build this module is bundled into a chunk under .astro/ or dist/, so a path relative to it would
// miss src/; the chunk stays inside the project, whose package.json names the worker (`imports`).
// Resolved from the module, not the working folder, so a build started from elsewhere finds it.
const WORKER_FILE = createRequire(import.meta.url).resolve('#image-worker');
const WORKER_DIR = dirname(WORKER_FILE);
/** The code that turns a tree into pixels: the worker, its PNG encoder, the font cutting and this file (which sets the font). */
const DRAWING_CODE = ['render-worker.ts', 'png.ts', 'font.ts', 'render.ts'].map((file) => join(WORKER_DIR, file));
/** What else turns a chart into pixels: the page's chart configuration, value labels and composition, and their helpers. */
const CHART_CODE = [
  'chart-drawing.ts',
  '../charts/config.ts',
  '../charts/points.ts',
  '../charts/theme.ts',
  '../metrics/format.ts',
  '../../components/charts/value-labels.ts',
  '../../components/charts/compose.ts',
].map((file) => join(WORKER_DIR, file));

/** Anything the workers draw: a share image's tree, or a chart. */
export type DrawSpec = ImageSpec | ChartImageSpec;

/**
 * The most threads a build draws on. Each holds its own satori and resvg, with a heap of up to 96 MB:
 * one per core on a 64-core CI machine would start 64 of them, gigabytes, for a few dozen images.
 */
const MAX_WORKERS = 4;

/** How many worker threads draw: one per core, no more than the images to draw, never more than MAX_WORKERS, at least one. */
export function workerCount(cores: number, uncached: number): number {
  return Math.max(1, Math.min(cores, uncached, MAX_WORKERS));
}

const rendererIds = new Map<'tree' | 'chart', string>();

/**
 * What draws an image: the libraries' releases and our drawing code, for share images satori, resvg
 * and the worker; for charts also Chart.js, @napi-rs/canvas and the chart code. A change to any
 * re-draws every image of that kind.
 */
function rendererVersion(kind: 'tree' | 'chart'): string {
  let id = rendererIds.get(kind);
  if (!id) {
    const [libraries, code] = kind === 'tree' ? [['satori', '@resvg/resvg-js'], DRAWING_CODE] : [['chart.js', '@napi-rs/canvas'], [...DRAWING_CODE, ...CHART_CODE]];
    id = [...libraries.map((name) => `${name}@${packageVersion(name)}`), code.reduce((hash, file) => hash.update(readFileSync(file)), createHash('sha256')).digest('hex')].join('+');
    rendererIds.set(kind, id);
  }
  return id;
}

const keys = new WeakMap<DrawSpec, string>();

/** The cache key: the image's tree and size (or the chart and what it is drawn with), the font release and the renderer. */
export function imageKey(spec: DrawSpec): string {
  let key = keys.get(spec);
  if (!key) {
    const content = 'tree' in spec ? ['tree', spec.width, spec.height, spec.tree] : ['chart', spec];
    key = createHash('sha256').update(JSON.stringify([rendererVersion('tree' in spec ? 'tree' : 'chart'), fontVersion(), ...content])).digest('hex');
    keys.set(spec, key);
  }
  return key;
}

export interface Renderer {
  /** Starts drawing an image unless the cache has it; resolves to its PNG file in the cache. `name` is for errors. */
  schedule(spec: DrawSpec, name: string): Promise<string>;
  render(spec: DrawSpec, name: string): Promise<Uint8Array<ArrayBuffer>>;
  /** Once every image asked for so far is drawn, ends the drawing threads (a later image starts new ones). */
  close(): Promise<void>;
}

/**
 * A renderer for a set of images: the font is cut to the characters of all of them, once, and only
 * if one of them is not already in the cache. Images are drawn on worker threads (workerCount), so
 * the main thread renders pages meanwhile; each image is drawn at most once however often it is asked for.
 */
export function imageRenderer(allText: () => string): Renderer {
  let pool: Promise<WorkerPool> | undefined;
  // Images scheduled together (a build schedules all of them at once) are counted before the font
  // is cut, so the pool is sized to them.
  let uncached = 0;
  const images = new Map<string, Promise<string>>();
  const schedule = (spec: DrawSpec, name: string) => {
    const key = imageKey(spec);
    let file = images.get(key);
    if (!file) {
      const path = join(CACHE_DIR, `${key}.png`);
      const cached = existsSync(path);
      if (!cached) uncached++;
      file = cached
        ? Promise.resolve(path)
        : (pool ??= loadFonts(allText()).then((fonts) => new WorkerPool(fonts, workerCount(availableParallelism(), uncached)))).then((workers) => workers.draw(spec, path, name));
      // A failure reaches whoever asks for the image; an image scheduled ahead and never asked for stays quiet.
      file.catch(() => {});
      images.set(key, file);
    }
    return file;
  };
  return {
    schedule,
    async render(spec, name) {
      return readFileSync(await schedule(spec, name));
    },
    async close() {
      await Promise.allSettled(images.values());
      const closing = pool;
      pool = undefined;
      (await closing?.catch(() => undefined))?.close();
    },
  };
}

interface PendingJob {
  name: string;
  file: string;
  resolve: (file: string) => void;
  reject: (error: Error) => void;
}

class WorkerPool {
  readonly #family: string;
  #idle: Worker[];
  #queue: RenderJob[] = [];
  #pending = new Map<number, PendingJob>();
  /** The job each busy worker is drawing, so a worker that dies is reported with its image. */
  #busy = new Map<Worker, number>();
  #next = 0;
  #crashed: Error | undefined;
  #closed = false;

  constructor({ fonts, family }: ImageFonts, threads: number) {
    this.#family = family;
    mkdirSync(CACHE_DIR, { recursive: true });
    const workerData: WorkerFonts = { fonts };
    this.#idle = Array.from({ length: threads }, () => {
      // A worker's live heap stays under 60 MB (satori's trees, the cut fonts); the cap makes V8
      // collect its garbage instead of growing towards the default of several gigabytes.
      const worker = new Worker(WORKER_FILE, { workerData, resourceLimits: { maxOldGenerationSizeMb: 96 } });
      // Only a busy worker keeps the process alive: an idle pool must not hold the build open.
      worker.unref();
      worker.on('message', (reply: RenderReply) => this.#done(worker, reply));
      worker.on('error', (error) => this.#crash(worker, error.message));
      worker.on('exit', (code) => this.#crash(worker, `退出码 ${code}`));
      return worker;
    });
  }

  draw(spec: DrawSpec, file: string, name: string): Promise<string> {
    if (this.#crashed) return Promise.reject(this.#crashed);
    const id = this.#next++;
    // The font's family names depend on every image's text, so they are given at drawing time, outside the cache key.
    const job: RenderJob =
      'tree' in spec
        ? { id, file, tree: { ...spec.tree, props: { ...spec.tree.props, style: { ...spec.tree.props.style, fontFamily: this.#family } } }, width: spec.width, height: spec.height }
        : { id, file, chart: spec, family: this.#family };
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { name, file, resolve, reject });
      this.#queue.push(job);
      this.#pump();
    });
  }

  #pump() {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const worker = this.#idle.pop()!;
      const job = this.#queue.shift()!;
      this.#busy.set(worker, job.id);
      worker.ref();
      worker.postMessage(job);
    }
  }

  #done(worker: Worker, { id, error }: RenderReply) {
    const job = this.#pending.get(id);
    // After a crash every job has been rejected already.
    if (!job) return;
    this.#pending.delete(id);
    this.#busy.delete(worker);
    if (error) job.reject(new Error(`图片 ${job.name} 绘制失败：${error}`));
    else job.resolve(job.file);
    worker.unref();
    this.#idle.push(worker);
    this.#pump();
  }

  /** Ends every thread; only when no image is waiting (see Renderer.close). */
  close() {
    this.#closed = true;
    for (const worker of [...this.#idle, ...this.#busy.keys()]) void worker.terminate();
  }

  /** A worker died (out of memory, a native fault): every image still waiting fails, naming the one it was drawing. */
  #crash(worker: Worker, reason: string) {
    if (this.#crashed || this.#closed) return;
    const drawing = this.#pending.get(this.#busy.get(worker) ?? -1)?.name ?? '（无）';
    this.#crashed = new Error(`图片 ${drawing} 绘制时线程退出：${reason}`);
    for (const job of this.#pending.values()) job.reject(this.#crashed);
    this.#pending.clear();
    this.#queue = [];
    for (const other of [...this.#idle, ...this.#busy.keys()]) void other.terminate();
  }
}
