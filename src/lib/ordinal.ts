const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** The largest number an edition's counts and ordinals are written for (an achievement's order runs 1–99). */
export const MAX_COUNTED = 99;

/** A whole number from 1 to 99 in Chinese as a count or an ordinal reads it: 九, 十, 十二, 二十, 二十三. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_COUNTED) throw new Error(`${n} 超出 1–${MAX_COUNTED}：无法写成中文数字`);
  const tens = Math.floor(n / 10);
  const ones = DIGITS[n % 10]!;
  if (tens === 0) return ones;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones}`;
}

/** 第五件: how the edition counts its achievements. */
export function achievementOrdinal(order: number): string {
  return `第${chineseNumber(order)}件`;
}

/** 九件: a number of achievements, counted as the edition counts them. */
export function countWord(count: number): string {
  return `${chineseNumber(count)}件`;
}

/** 十件实事, 九件实事: how many achievements an edition has, as its pages say it. */
export function achievementCount(count: number): string {
  return `${countWord(count)}实事`;
}
