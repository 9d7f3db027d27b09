/**
 * Which numbers written in text are figures and which are part of a name or phrase.
 *
 * A figure (a statistic: 7007起, 69万余人次, 4.42%) must come from a metric, so that the text, the
 * tables, the charts and the data files cannot disagree. A number that names something or is part of
 * a set phrase is not a quantity anyone would cite, chart or check, and stays plain text. The rule is
 * decided by what stands around the digits, never by a list of allowed numbers:
 *
 * - `figure`: digits counted in a measure word (量词: 起, 人次, 条, 个…, units of time and dates
 *   included) or as a percentage, after any 万/亿 and 余/多 (7007起, 43万余条, 95%以上, 不足20%, 5个).
 *   Anything the rules below do not recognise is a figure too: an unrecognised number is treated as a
 *   statistic, never waved through.
 * - `year`: four digits followed by 年 (2022年, 2022年度): a date, not a count.
 * - `code`: digits joined to Latin letters (K637—K642, a road's kilometre markers): a label.
 * - `formula`: digits joined by + to other digits or letters (1+3+N, the name of a model).
 * - `name`: digits followed directly by a word that is not a measure word (12123语音服务中心): the
 *   number names the thing that follows it; or digits ending a quoted name (“交管12123”).
 * - `duration`: digits and a unit of time directly followed by the activity it qualifies
 *   (24小时值班, round-the-clock duty): a description of how the work is done, not an amount of time.
 *   The same words the other way round (值班24小时) or with a hedge (24小时以上) are a figure.
 * - `date`: a month, or a day of a month (3月, 3月15日, 6月份): when something happened, not a count.
 *   A number of months is written with 个 (3个月) and stays a figure.
 * - `threshold`: a bound inside a definition, not a count of anything that happened: a hedged figure
 *   that qualifies the noun after it (一次死亡3人以上的较大事故, 超速50%以上的违法行为), or a number
 *   after a word that sets a limit (限速60公里, 时速80公里, 满12分).
 *
 * Only Arabic digits (any script's decimal digits) are numbers here: the source writes its statistics
 * in digits, and words such as 两小时 or 三个载体 stay words.
 */

export type NumberKind = 'figure' | 'year' | 'code' | 'formula' | 'name' | 'duration' | 'date' | 'threshold';

export interface NumberInText {
  /** The number as written, with what decided its kind: 7007起, K637, 24小时值, 2022年. */
  text: string;
  /** Where the digits start in the text. */
  index: number;
  kind: NumberKind;
  /** Why, in Chinese, for an editor's error message. */
  reason: string;
}

/** Measure words a count is made in (量词), the metric units included. Longer words first. */
const MEASURE_WORDS = [
  '个百分点',
  '人次',
  '公里',
  '千米',
  '平方米',
  '起',
  '人',
  '名',
  '家',
  '辆次',
  '辆',
  '条',
  '个',
  '件',
  '次',
  '项',
  '台',
  '户',
  '处',
  '座',
  '所',
  '只',
  '批',
  '场',
  '篇',
  '期',
  '类',
  '种',
  '元',
  '倍',
  '吨',
  '米',
  '年',
  '月',
  '日',
  '周',
  '%',
  '％',
];
/** Units of time that can qualify an activity written straight after them (24小时值班). */
const TIME_UNITS = ['小时', '分钟', '天'];
/** Words after a unit of time that make it an amount: 24小时以上, 3天内. */
const TIME_HEDGES = ['以上', '以下', '以内', '之内', '内', '左右', '多', '余'];

// A run of digits with what is joined to it without a space: letters (K637), decimals (4.42),
// and + joining parts of a formula (1+3+N).
const NUMBER = /[A-Za-z]*\p{Nd}+(?:[.．]\p{Nd}+)?(?:[A-Za-z]+\p{Nd}*)*(?:[+＋][A-Za-z\p{Nd}]+)*/gu;
const HAN = /^\p{Script=Han}/u;

/** Every number in a text, each with its kind and the reason for it. */
export function numbersIn(text: string): NumberInText[] {
  return [...text.matchAll(NUMBER)].map((match) => classify(match[0], match.index, text.slice(0, match.index), text.slice(match.index + match[0].length)));
}

/** The numbers of a text that are figures: what an editor must take from metrics instead. */
export function figuresIn(text: string): NumberInText[] {
  return numbersIn(text).filter((n) => n.kind === 'figure');
}

/** Words that set a limit the number after them is: 限速60公里, 时速80公里, 满12分. */
const LIMIT_WORDS = /(?:限速|时速|车速|限高|限重|限载|满)$/;
/** A hedge and 的 after a figure make it a bound on the noun that follows: 3人以上的较大事故. */
const BOUND_OF_NOUN = /^(?:及以上|以上|以下|以内)的/;

function classify(token: string, index: number, before: string, after: string): NumberInText {
  const at = (kind: NumberKind, reason: string, text = token): NumberInText => ({ text, index, kind, reason });
  if (/[+＋]/.test(token)) return at('formula', '用加号连起来的是名称（如“1+3+N”党建模式），不是数量');
  if (/[A-Za-z]/.test(token)) return at('code', '与字母连写的是编号（如京台高速K637—K642），不是数量');
  // 万 and 亿 scale the number; 余 and 多 hedge it: 43万余条, 3.4万余个.
  const scale = /^[万亿]?[余多]?/.exec(after)![0];
  const rest = after.slice(scale.length);
  if (/^\p{Nd}{4}$/u.test(token) && !scale && rest.startsWith('年')) return at('year', '“××××年”是年份，不是数量', `${token}年`);
  if (!scale && /^\p{Nd}{1,2}$/u.test(token) && (rest.startsWith('月') || (rest.startsWith('日') && /月$/.test(before)))) {
    return at('date', '“×月”“×月×日”是日期，不是数量', `${token}${rest[0]}`);
  }
  if (LIMIT_WORDS.test(before)) return at('threshold', '限速、时速等词后的数字是标准或界限，不是统计数字', token);
  const time = scale ? undefined : TIME_UNITS.find((unit) => rest.startsWith(unit));
  if (time) {
    const next = rest.slice(time.length);
    if (HAN.test(next) && !TIME_HEDGES.some((hedge) => next.startsWith(hedge))) {
      return at('duration', '时长紧接着它所修饰的工作（如“24小时值班”），说的是工作方式，不是数量', `${token}${time}${next[0]}`);
    }
    return at('figure', '数字带时间单位，是一个时长', `${token}${time}`);
  }
  const measure = MEASURE_WORDS.find((word) => rest.startsWith(word));
  if (measure || scale) {
    const text = `${token}${scale}${measure ?? ''}`;
    if (BOUND_OF_NOUN.test(rest.slice(measure?.length ?? 0))) return at('threshold', '“×以上的××”是定义中的界限（如“一次死亡3人以上的较大事故”），不是统计数字', text);
    return at('figure', '数字带量词或百分号，是统计数字', text);
  }
  if (HAN.test(rest)) return at('name', '数字后面直接跟着名称而不是量词（如“12123语音服务中心”），是名称的一部分', `${token}${rest[0]}`);
  if (/^[”’」』》]/.test(rest) && /[\p{Script=Han}A-Za-z]$/u.test(before)) return at('name', '数字是引号或书名号中名称的结尾（如“交管12123”），是名称的一部分', `${token}${rest[0]}`);
  return at('figure', '数字没有可辨认的名称或说法，按统计数字处理');
}
