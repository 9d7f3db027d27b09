import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';

/**
 * The share images' font: Noto Sans SC from the npm registry (@fontsource/noto-sans-sc), never a
 * system font (CI machines have none). Fontsource ships it in slices, each with its unicode-range;
 * we take the slices holding the characters the images use and cut each to those characters,
 * once per build, so satori parses a few kilobytes instead of megabytes.
 *
 * Satori uses one font per family name and weight, so each slice gets a family of its own
 * (NotoSansSC-latin, NotoSansSC-118…) and the images name them all, in order, as their font-family:
 * satori then takes each character from the first slice that has it.
 */
export const FONT_FAMILY = 'Noto Sans SC';
export const FONT_WEIGHTS = [400, 700, 900] as const;
export type FontWeight = (typeof FONT_WEIGHTS)[number];

export interface LoadedFont {
  name: string;
  data: Buffer;
  weight: FontWeight;
  style: 'normal';
}

export interface ImageFonts {
  fonts: LoadedFont[];
  /** The CSS font-family list naming every slice, Latin first (its digits and punctuation are the proportional ones). */
  family: string;
}

const PACKAGE = '@fontsource/noto-sans-sc';
// From this module (in the build, its chunk inside the project), not the working folder.
// A package whose `exports` hide its package.json (chart.js) is found from its entry, upwards.
function packageDirOf(name: string): string {
  const require = createRequire(import.meta.url);
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    let dir = dirname(require.resolve(name));
    while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name) {
      if (dirname(dir) === dir) throw new Error(`找不到 ${name} 的 package.json`);
      dir = dirname(dir);
    }
    return dir;
  }
}
const packageDir = () => packageDirOf(PACKAGE);

/** The installed release of a package, for cache keys. */
export function packageVersion(name: string): string {
  return JSON.parse(readFileSync(join(packageDirOf(name), 'package.json'), 'utf8')).version;
}

let version: string | undefined;

/** Identifies the font for cache keys: a new font release re-renders every image. */
export function fontVersion(): string {
  version ??= `${PACKAGE}@${packageVersion(PACKAGE)}`;
  return version;
}

interface Slice {
  /** The slice's name in the package: latin, 118… */
  name: string;
  file: string;
  ranges: [number, number][];
}

/** The slices of one weight, from the package's CSS: each WOFF file with the code points it covers. */
export function slicesOf(css: string): Slice[] {
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => {
    const file = /url\(\.\/files\/([^)]+\.woff)\) format\('woff'\)/.exec(body!)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body!)?.[1];
    if (!file || !range) throw new Error(`${PACKAGE}: 无法读取字体切片（缺少 woff 文件或 unicode-range）`);
    const ranges = range.split(',').map((part) => {
      const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from!, 16), parseInt(to!, 16)] as [number, number];
    });
    return { name: /noto-sans-sc-(.+)-\d+-normal\.woff$/.exec(file)?.[1] ?? file, file, ranges };
  });
}

/** The font, in every weight, cut to exactly these characters. A character no slice covers stops the build. */
export async function loadFonts(text: string): Promise<ImageFonts> {
  const chars = [...new Set(text.replace(/[\n\r\t]/g, ''))];
  const dir = packageDir();
  const fonts = await Promise.all(
    FONT_WEIGHTS.map(async (weight) => {
      const slices = slicesOf(readFileSync(join(dir, `${weight}.css`), 'utf8'));
      const covers = (slice: Slice, char: string) => slice.ranges.some(([from, to]) => char.codePointAt(0)! >= from && char.codePointAt(0)! <= to);
      const missing = chars.filter((char) => !slices.some((slice) => covers(slice, char)));
      if (missing.length) throw new Error(`分享图片的字体 ${FONT_FAMILY} 没有这些字符：${missing.join(' ')}（请检查 frontmatter 中的文字）`);
      const used = slices
        .map((slice) => ({ slice, text: chars.filter((char) => covers(slice, char)).join('') }))
        .filter(({ text }) => text.length > 0);
      return Promise.all(
        used.map(async ({ slice, text }) => ({
          name: `NotoSansSC-${slice.name}`,
          data: await subsetFont(readFileSync(join(dir, 'files', slice.file)), text, { targetFormat: 'sfnt' }),
          weight,
          style: 'normal' as const,
        })),
      );
    }),
  );
  const all = fonts.flat();
  const names = [...new Set(all.map((font) => font.name))].sort((a, b) => Number(b.endsWith('-latin')) - Number(a.endsWith('-latin')));
  return { fonts: all, family: names.join(', ') };
}
