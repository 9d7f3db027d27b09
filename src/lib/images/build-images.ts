import { chartImageText } from '../charts/chart-image';
import { UNDER_DEV_SERVER } from '../dev-server';
import { textOf } from './layouts';
import { imageKey, imageRenderer, type DrawSpec, type Renderer } from './render';
import { chartImagePlan, shareImagePlan, type ChartImageEdition, type ImageEdition } from './share-images';

/*
 * The images of this build: one plan and one renderer per state of the editions, shared by every
 * image endpoint (the plans themselves are pure, in share-images.ts). A build has one state, so it
 * plans once; under `astro dev` a saved entry gives new editions (lib/content.ts) and the next image
 * asked for is planned again, with the new title or figure.
 */

type Editions = () => Promise<readonly (ImageEdition & ChartImageEdition)[]>;

interface SharedImages {
  plan: Map<string, DrawSpec>;
  renderer: Renderer;
  /** Whether every image of the plan has been started (shareImageRoutes). */
  scheduled: boolean;
}

let shared: { editions: readonly (ImageEdition & ChartImageEdition)[]; images: Promise<SharedImages> } | undefined;

/** The plan and the renderer for the current editions; posters and charts print the build's SITE_URL. */
async function sharedImages(editions: Editions): Promise<SharedImages> {
  const list = await editions();
  if (shared?.editions !== list) {
    const previous = shared?.images;
    const images = planImages(list);
    const current = { editions: list, images };
    shared = current;
    // A plan that failed is made again on the next request, not kept.
    images.catch(() => {
      if (shared === current) shared = undefined;
    });
    // The old renderer's threads hold fonts cut for the old text: end them once its images are drawn.
    void previous?.then(({ renderer }) => renderer.close(), () => undefined);
  }
  return shared.images;
}

async function planImages(list: readonly (ImageEdition & ChartImageEdition)[]): Promise<SharedImages> {
  const site = import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined;
  const plan = new Map<string, DrawSpec>([...(await shareImagePlan(list, site)), ...chartImagePlan(list, site)]);
  const renderer = imageRenderer(() => [...plan.values()].map((spec) => ('tree' in spec ? textOf(spec.tree) : chartImageText(spec))).join(''));
  return { plan, renderer, scheduled: false };
}

interface Route<Props> {
  params: Record<string, string>;
  props: Props;
}

/**
 * getStaticPaths for an image endpoint. Astro asks every route for its paths before it renders the
 * first page, so this is where every share image of the build starts drawing on the worker threads,
 * while the main thread renders pages; each endpoint then collects its own. A path's cacheKey (for
 * Astro's incremental build) is its image's content key, the same one the image cache uses.
 */
export function shareImageRoutes<Props>(
  routes: () => Promise<Route<Props>[]>,
  imagePath: (props: Props) => string,
  editions: Editions,
): () => Promise<(Route<Props & { image: string }> & { cacheKey: string })[]> {
  return async () => {
    const images = await sharedImages(editions);
    const { plan, renderer } = images;
    // Every image not in the cache, even one whose route Astro will copy from its last build: the
    // two caches are emptied together in practice, and checking Astro's record would mean reading
    // its private files. Not under `astro dev`, which asks for the paths again after every save:
    // there only the image asked for is drawn, so the editor's page does not wait behind all the others.
    if (!images.scheduled && !UNDER_DEV_SERVER) {
      images.scheduled = true;
      for (const [path, spec] of plan) void renderer.schedule(spec, path);
    }
    return (await routes()).map(({ params, props }) => {
      const image = imagePath(props);
      return { params, props: { ...props, image }, cacheKey: imageKey(planned(plan, image)) };
    });
  };
}

function planned(plan: Map<string, DrawSpec>, path: string): DrawSpec {
  const spec = plan.get(path);
  if (!spec) throw new Error(`没有为 ${path} 安排图片`);
  return spec;
}

/** The content keys of the images at these public paths, for the cacheKey of a file that holds them (a press kit). */
export async function shareImageKeys(paths: readonly string[], editions: Editions): Promise<string[]> {
  const { plan } = await sharedImages(editions);
  return paths.map((path) => imageKey(planned(plan, path)));
}

/** The PNG at a public path. */
export async function shareImage(path: string, editions: Editions): Promise<Uint8Array<ArrayBuffer>> {
  const { plan, renderer } = await sharedImages(editions);
  return renderer.render(planned(plan, path), path);
}

/** A PNG as an endpoint's response. */
export function pngResponse(png: Uint8Array<ArrayBuffer>): Response {
  return new Response(png, { headers: { 'content-type': 'image/png' } });
}
