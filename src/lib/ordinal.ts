const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 第五件: how the edition counts its achievements (orders run 1–10). */
export function achievementOrdinal(order: number): string {
  const word = DIGITS[order];
  if (!word) throw new Error(`order ${order} 超出 1–10`);
  return `第${word}件`;
}
