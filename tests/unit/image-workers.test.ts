import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { achievementCard, textOf, type ImageSpec } from '@/lib/images/layouts';

// A cache of this file's own, set before render.ts reads it. The modules are loaded, and the images
// drawn, from a working folder outside the project: a build started elsewhere (`astro build --root …`)
// must still find the worker and the font.
const cache = mkdtempSync(join(tmpdir(), 'zz-share-images-'));
process.env.SHARE_IMAGE_CACHE = cache;
const projectFolder = process.cwd();
process.chdir(mkdtempSync(join(tmpdir(), 'zz-elsewhere-')));
afterAll(() => process.chdir(projectFolder));
// Every drawing thread the renderer starts, so a test can end one mid-draw as a crash would.
const threads = vi.hoisted(() => [] as Worker[]);
vi.mock('node:worker_threads', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:worker_threads')>();
  class RecordedWorker extends actual.Worker {
    constructor(...args: ConstructorParameters<typeof actual.Worker>) {
      super(...args);
      threads.push(this);
    }
  }
  return { ...actual, Worker: RecordedWorker };
});
const { imageKey, imageRenderer, workerCount } = await import('@/lib/images/render');

const card = (figure: string) => achievementCard({ ordinal: '第五件', kicker: '持续重拳出击', title: '酒驾醉驾整治形成高压严打态势', headline: { figure, label: '查处酒驾醉驾违法行为' }, editionHeading: '测试' });
const cards = ['6862起', '6863起', '6864起', '6865起'].map(card);
const text = (specs: ImageSpec[]) => () => specs.map((spec) => textOf(spec.tree)).join('');

describe('share images drawn on worker threads', () => {
  it('finds the worker and the font from their modules, not from the working folder', async () => {
    expect(existsSync(join(process.cwd(), 'package.json')), 'the test runs outside the project').toBe(false);
    const spec = card('6866起');
    const png = Buffer.from(await imageRenderer(text([spec])).render(spec, '/test/elsewhere/card.png'));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });

  it('draws every image asked for at once into the cache, as a 1200×630 PNG', async () => {
    const renderer = imageRenderer(text(cards));
    const pngs = await Promise.all(cards.map((spec, i) => renderer.render(spec, `/test/${i}/card.png`)));
    for (const [i, bytes] of pngs.entries()) {
      const png = Buffer.from(bytes);
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      expect(readFileSync(join(cache, `${imageKey(cards[i]!)}.png`)).equals(png)).toBe(true);
    }
    expect(new Set(pngs.map((png) => Buffer.from(png).toString('base64'))).size, 'four figures, four images').toBe(4);
  });

  it('reads an image back from the cache instead of drawing it again', async () => {
    const file = join(cache, `${imageKey(cards[0]!)}.png`);
    const drawnAt = statSync(file).mtimeMs;
    await imageRenderer(text(cards)).render(cards[0]!, '/test/0/card.png');
    expect(statSync(file).mtimeMs).toBe(drawnAt);
  });

  it('fails naming the image a worker was drawing when the worker dies mid-draw (out of memory, a native fault)', async () => {
    // The thread is ended from outside, as V8 ends one out of memory: making it run out of memory for
    // real was flaky, as V8 then sometimes aborted the whole test process instead of the thread.
    const doomed = card('6869起');
    const renderer = imageRenderer(text([doomed, cards[1]!]));
    const before = threads.length;
    const drawing = renderer.render(doomed, '/2022/doomed/poster.png');
    await expect.poll(() => threads.length).toBeGreaterThan(before);
    expect(threads.length - before, 'one image asked for: one thread, the one drawing it').toBe(1);
    await threads.at(-1)!.terminate();
    await expect(drawing).rejects.toThrow(/^图片 \/2022\/doomed\/poster\.png 绘制时线程退出：退出码 1/);
    // The pool is gone with it: a later image fails at once, with the same message, instead of waiting forever.
    await expect(renderer.render(card('6870起'), '/2022/later/card.png')).rejects.toThrow(/\/2022\/doomed\/poster\.png 绘制时线程退出/);
  }, 30_000);

  it('closes once the images asked for are drawn, and draws a later image on new threads (a dev server replans after a save)', async () => {
    const [first, later] = [card('6871起'), card('6872起')];
    const renderer = imageRenderer(text([first, later]));
    const drawing = renderer.render(first, '/test/close/card.png');
    await renderer.close();
    expect(existsSync(join(cache, `${imageKey(first)}.png`)), 'the image in flight was finished first').toBe(true);
    await expect(drawing).resolves.toBeDefined();
    const png = Buffer.from(await renderer.render(later, '/test/later/card.png'));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });

  it('stops with the public path of an image that cannot be drawn', async () => {
    const broken: ImageSpec = { width: 100, height: 100, tree: { type: 'div', props: { style: { display: 'grid' }, children: '坏' } } };
    await expect(imageRenderer(text([broken])).render(broken, '/2022/broken/card.png')).rejects.toThrow(/图片 \/2022\/broken\/card\.png 绘制失败/);
  });
});

describe('the size of the worker pool', () => {
  it.each([
    [64, 22, 4],
    [2, 22, 2],
    [8, 3, 3],
    [1, 10, 1],
    [8, 1, 1],
  ])('%i cores, %i images to draw: %i threads', (cores, uncached, threads) => {
    expect(workerCount(cores, uncached)).toBe(threads);
  });
});
