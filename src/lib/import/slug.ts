import { pinyin } from 'pinyin-pro';

/**
 * A readable URL or anchor part from Chinese words, by their pinyin (党的二十大交通安保 →
 * dang-de-er-shi-da): the first `words` syllables, lowercase, letters and digits only.
 */
export function pinyinSlug(text: string, words: number): string {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .flatMap((part) => part.toLowerCase().split(/[^a-z0-9]+/))
    .filter(Boolean)
    .slice(0, words)
    .join('-');
}

/** `base`, or base-2, base-3… when `taken` already has it. */
export function unique(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
