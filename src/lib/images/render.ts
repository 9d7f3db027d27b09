import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fontVersion, loadFonts, packageVersion, type ImageFonts } from './font';
import type { ImageSpec } from './layouts';
import type { RenderJob, RenderReply, WorkerFonts } from './render-protocol';

/** Rendered PNGs by content: an unchanged image is read back instead of rendered again. */
// SHARE_IMAGE_CACHE lets the scale benchmark time cold builds without touching the real cache.
export const CACHE_DIR = process.env.SHARE_IMAGE_CACHE ?? join(process.cwd(), 'node_modules/.cache/share-images');

// Run by Node itself, not bundled: Vite would leave a worker's file out of the build's bundle.
const WORKER_DIR = join(process.cwd(), 'src/lib/images');
const WORKER_FILE = join(WORKER_DIR, 'render-worker.ts');
/** The code a worker runs: its own file and the PNG encoder it imports. */
const WORKER_CODE = [WORKER_FILE, join(WORKER_DIR, 'png.ts')];

let renderer: string | undefined;

/** What draws the images: the two libraries' releases and the worker's code. A change to any re-renders every image. */
function rendererVersion(): string {
  renderer ??= [
    ...['satori', '@resvg/resvg-js'].map((name) => `${name}@${packageVersion(name)}`),
    WORKER_CODE.reduce((hash, file) => hash.update(readFileSync(file)), createHash('sha256')).digest('hex'),
  ].join('+');
  return renderer;
}

const keys = new WeakMap<ImageSpec, string>();

/** The cache key: the image's tree and size, the font release and the renderer. */
export function imageKey(spec: ImageSpec): string {
  let key = keys.get(spec);
  if (!key) {
    key = createHash('sha256').update(JSON.stringify([rendererVersion(), fontVersion(), spec.width, spec.height, spec.tree])).digest('hex');
    keys.set(spec, key);
  }
  return key;
}

export interface Renderer {
  /** Starts drawing an image unless the cache has it; resolves to its PNG file in the cache. `name` is for errors. */
  schedule(spec: ImageSpec, name: string): Promise<string>;
  render(spec: ImageSpec, name: string): Promise<Uint8Array<ArrayBuffer>>;
}

/**
 * A renderer for a set of images: the font is cut to the characters of all of them, once, and only
 * if one of them is not already in the cache. Images are drawn on one worker thread per core, so
 * the main thread renders pages meanwhile; each image is drawn at most once however often it is asked for.
 */
export function imageRenderer(allText: () => string): Renderer {
  let pool: Promise<WorkerPool> | undefined;
  const drawn = new Map<string, Promise<string>>();
  const schedule = (spec: ImageSpec, name: string) => {
    const key = imageKey(spec);
    let file = drawn.get(key);
    if (!file) {
      const path = join(CACHE_DIR, `${key}.png`);
      file = existsSync(path)
        ? Promise.resolve(path)
        : (pool ??= loadFonts(allText()).then((fonts) => new WorkerPool(fonts))).then((workers) => workers.draw(spec, path, name));
      // A failure reaches whoever asks for the image; an image scheduled ahead and never asked for stays quiet.
      file.catch(() => {});
      drawn.set(key, file);
    }
    return file;
  };
  return {
    schedule,
    async render(spec, name) {
      return readFileSync(await schedule(spec, name));
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
  #next = 0;
  #crashed: Error | undefined;

  constructor({ fonts, family }: ImageFonts) {
    this.#family = family;
    mkdirSync(CACHE_DIR, { recursive: true });
    const workerData: WorkerFonts = { fonts };
    this.#idle = Array.from({ length: availableParallelism() }, () => {
      const worker = new Worker(WORKER_FILE, { workerData, resourceLimits: { maxOldGenerationSizeMb: 96 } });
      // Only a busy worker keeps the process alive: an idle pool must not hold the build open.
      worker.unref();
      worker.on('message', (reply: RenderReply) => this.#done(worker, reply));
      worker.on('error', (error) => this.#crash(error));
      return worker;
    });
  }

  draw(spec: ImageSpec, file: string, name: string): Promise<string> {
    if (this.#crashed) return Promise.reject(this.#crashed);
    const id = this.#next++;
    const tree = { ...spec.tree, props: { ...spec.tree.props, style: { ...spec.tree.props.style, fontFamily: this.#family } } };
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { name, file, resolve, reject });
      this.#queue.push({ id, file, tree, width: spec.width, height: spec.height });
      this.#pump();
    });
  }

  #pump() {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const worker = this.#idle.pop()!;
      worker.ref();
      worker.postMessage(this.#queue.shift()!);
    }
  }

  #done(worker: Worker, { id, error }: RenderReply) {
    const job = this.#pending.get(id)!;
    this.#pending.delete(id);
    if (error) job.reject(new Error(`分享图片 ${job.name} 绘制失败：${error}`));
    else job.resolve(job.file);
    worker.unref();
    this.#idle.push(worker);
    this.#pump();
  }

  #crash(error: Error) {
    this.#crashed = new Error(`分享图片的绘制线程退出：${error.message}`);
    for (const job of this.#pending.values()) job.reject(this.#crashed);
    this.#pending.clear();
    this.#queue = [];
  }
}
