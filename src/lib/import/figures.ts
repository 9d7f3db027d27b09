import { formatFigure } from '../metrics/format';
import { BEFORE_TO, CHANGE_VERBS, UNITS, type Metric, type Qualifier, type Unit } from '../../schema/metric';
import { numbersIn, type NumberKind } from '../../schema/numbers-in-text';
import { TODO } from '../../schema/todo';
import { pinyinSlug, unique } from './slug';

/** A figure the importer typed: its metric, and the source's clause it stood in. */
export interface TypedFigure {
  metric: Metric;
  context: string;
}

/** A number kept as text, with why (numbers-in-text.ts's reason, or the importer's). */
export interface TextNumber {
  text: string;
  context: string;
  reason: string;
  /** The rule that kept it (year, code, threshold…); undefined for a figure the importer could not type. */
  kind?: NumberKind;
}

export interface AchievementFigures {
  /** The MDX body: the paragraphs with a <Metric> tag where each typed figure stood. */
  body: string;
  metrics: Metric[];
  typed: TypedFigure[];
  /** Names, codes, dates, thresholds…: not statistics, left as the source has them. */
  leftAsText: TextNumber[];
  /** Figures the importer could not type: left as text for the editor. */
  unclassified: TextNumber[];
}

/** One figure as the text writes it: 69万余人次, 不足20%, 近5000台. */
interface Span {
  start: number;
  end: number;
  text: string;
  value: number;
  scale?: '万';
  unit: Unit;
  qualifier?: Qualifier;
}

type BeforeTo = (typeof BEFORE_TO)[number];

const UNIT_WORDS = [...UNITS].sort((a, b) => b.length - a.length).join('|');
const FIGURE_AT = new RegExp(`^(\\d+(?:\\.\\d+)?)(万)?(余|多)?(${UNIT_WORDS})(以上)?`);
const HEDGE_BEFORE = /(不足|近|超过|约)$/;
const CHANGE = new RegExp(`(同比|环比)?(${CHANGE_VERBS.join('|')})了?$`);
const TO = new RegExp(`(${BEFORE_TO.join('|')})$`);
const FROM = /(?:由|从)(原来|原先|年初|去年|过去|此前|以前|上年)?的?$/;
// 一度达到26.93%, 原来为35%, 年初仅为40%: an earlier point stated in a clause of its own.
const ONCE = /(一度|曾经|曾|原来|原先|年初)(达到|高达|达|为|是|仅为|只有)?$/;
// What a later clause may say before its to-word without naming the rate again: 现已提升至78%.
const NOW = /^(?:现在|现|目前|如今|已经|已|年底|年末)*$/;
const RESPECTIVELY = new RegExp(`^(.+?)(同比|环比)?分别(?:为|是|达到|达|(${CHANGE_VERBS.join('|')})了?)?$`);
const PERIOD = /^(\d{4}年(?:以来|全年|上半年|下半年)?|今年以来|全年|全市累计|累计|截至目前|目前)/;
const LEAD_WORDS = /^(?:其中|同时|此外|并且|并|还|共计|共|全市|各类|累计|均)+/;
const UNNAMED = `${TODO}：这个数字统计的是什么（用原文的话）`;
const DOWN = new Set(['下降', '减少', '降低']);
const BREAKS = '，。；：！？';

const lastBreak = (text: string, at: number, breaks: string) => {
  for (let i = at - 1; i >= 0; i--) if (breaks.includes(text[i]!)) return i;
  return -1;
};
const nextBreak = (text: string, at: number, breaks: string) => {
  for (let i = at; i < text.length; i++) if (breaks.includes(text[i]!)) return i;
  return text.length;
};

/**
 * An achievement's figures typed as metrics, each replaced in the text by its <Metric> tag: kind,
 * direction, the source's verb and basis, before/after pairs, 其中 parts and 分别 lists; numbers that
 * are names, codes, dates or thresholds stay text. Every typed figure prints exactly as the source
 * wrote it, or it is left as text and reported.
 */
export function figuresOf(paragraphs: readonly string[]): AchievementFigures {
  const metrics: Metric[] = [];
  const typed: TypedFigure[] = [];
  const leftAsText: TextNumber[] = [];
  const unclassified: TextNumber[] = [];
  const ids = new Set<string>();
  const tags: { paragraph: number; span: Span; metric: Metric; at?: 'before' }[] = [];
  let once: { paragraph: number; span: Span; label: string; verb?: '达到'; rate: string } | undefined;

  const contextOf = (text: string, span: Span) => text.slice(lastBreak(text, span.start, BREAKS) + 1, nextBreak(text, span.end, BREAKS));
  const add = (figure: Omit<Metric, 'id'>, paragraph: number, span: Span, text: string): Metric => {
    const metric = figure.label ? figure : { ...figure, label: UNNAMED };
    // An unnamed figure's id says so too: an id becomes a public anchor, so it must not read as chosen.
    const full = { id: unique(figure.label ? pinyinSlug(figure.label, 4) || 'metric' : 'todo-metric', ids), ...metric } as Metric;
    metrics.push(full);
    typed.push({ metric: full, context: contextOf(text, span) });
    tags.push({ paragraph, span, metric: full });
    return full;
  };
  const leave = (text: string, span: Span, reason: string) => unclassified.push({ text: span.text, context: contextOf(text, span), reason });

  paragraphs.forEach((text, p) => {
    const spans: Span[] = [];
    for (const number of numbersIn(text)) {
      if (number.kind !== 'figure') {
        leftAsText.push({ text: number.text, kind: number.kind, reason: number.reason, context: text.slice(lastBreak(text, number.index, BREAKS) + 1, nextBreak(text, number.index, BREAKS)) });
        continue;
      }
      const span = spanAt(text, number.index, number.text);
      if (typeof span === 'string') unclassified.push({ text: number.text, context: text.slice(lastBreak(text, number.index, BREAKS) + 1, nextBreak(text, number.index, BREAKS)), reason: span });
      else spans.push(span);
    }

    // What one sentence carries from figure to figure: its period words and a total with 其中 parts.
    let sentence = -1;
    let period: string | undefined;
    let total: Metric | undefined;
    let group: 'parts' | undefined;
    let previousEnd = 0;

    for (let i = 0; i < spans.length; i++) {
      const span = spans[i]!;
      const sentenceStart = lastBreak(text, span.start, '。；！？') + 1;
      if (sentenceStart !== sentence) {
        sentence = sentenceStart;
        period = undefined;
        total = undefined;
        group = undefined;
        previousEnd = sentenceStart;
      }
      const gap = text.slice(previousEnd, span.start);
      const clause = text.slice(lastBreak(text, span.start, BREAKS) + 1, span.start);
      const segment = text.slice(lastBreak(text, span.start, BREAKS + '、') + 1, span.start);
      const own = PERIOD.exec(clause)?.[1];
      if (own) period = own;
      const after = text.slice(span.end, nextBreak(text, span.end, BREAKS + '、'));
      const labelOf = (words: string, tail = '') => cleanLabel(words, own) + (tail && !/^[的得地]/.test(tail) ? tail : '');

      // 事故起数、死亡人数同比分别下降11.5%、16.7%: each figure bound to its own label.
      const respectively = RESPECTIVELY.exec(clause);
      if (respectively) {
        const list = [span];
        while (i + 1 < spans.length && /^[、和及]$/.test(text.slice(list.at(-1)!.end, spans[i + 1]!.start))) list.push(spans[++i]!);
        const labels = respectively[1]!.split(/[、和及]/).map((l) => cleanLabel(l, own)).filter(Boolean);
        const verb = respectively[3] as Metric['wording'];
        list.forEach((item, k) => {
          const label = labels.length === list.length ? labels[k]! : `${TODO}：原文“${respectively[1]}”中与第${'一二三四五六七八九十'[k] ?? k + 1}个数对应的名称`;
          if (verb) add(change(label, item, verb, respectively[2]), p, item, text);
          else add(level(label, item), p, item, text);
        });
        previousEnd = list.at(-1)!.end;
        continue;
      }

      // 由原来的15%提升至90%以上: one rate, its earlier value and the source's words between them.
      const from = FROM.exec(clause);
      const next = spans[i + 1];
      const between = next && text.slice(span.end, next.start);
      if (from && next && between && (BEFORE_TO as readonly string[]).includes(between)) {
        const label = labelOf(clause.slice(0, from.index));
        if (span.unit === '%' && next.unit === '%') {
          const metric = add(
            { ...level(label, next), before: { value: span.value, ...(span.qualifier && { qualifier: span.qualifier }), label: from[1] ?? `${TODO}：前值的时点（原文未写，如“原来”）`, to: between as BeforeTo } },
            p,
            next,
            text,
          );
          tags.push({ paragraph: p, span, metric, at: 'before' });
          typed.at(-1)!.context = contextOf(text, span);
        } else {
          leave(text, span, '数量的前后对比（由……到……）：只有比率（%）能记成一个带前值的指标，请编辑决定');
          add(level(labelOf(clause.slice(0, from.index)), next), p, next, text);
        }
        i++;
        previousEnd = next.end;
        continue;
      }

      // 一度达到26.93%: an earlier point; the figure the text later says it fell or rose to is its pair.
      const high = ONCE.exec(clause);
      if (high && span.unit === '%') {
        once = { paragraph: p, span, label: high[1]!, ...(high[2] === '达到' && { verb: '达到' as const }), rate: cleanLabel(clause.slice(0, high.index), own) };
        previousEnd = span.end;
        continue;
      }

      const changed = CHANGE.exec(segment);
      const to = TO.exec(segment);
      let metric: Metric;
      if (to && once && span.unit === once.span.unit && RISING(to[1]!) === span.value > once.span.value) {
        const before = once;
        once = undefined;
        metric = add(
          { ...level(NOW.test(segment.slice(0, to.index)) ? before.rate : labelOf(segment.slice(0, to.index)), span), before: { value: before.span.value, ...(before.span.qualifier && { qualifier: before.span.qualifier }), label: before.label, ...(before.verb && { verb: before.verb }), to: to[1] as BeforeTo } },
          p,
          span,
          text,
        );
        tags.push({ paragraph: before.paragraph, span: before.span, metric, at: 'before' });
      } else if (changed && span.unit === '%') {
        metric = add(change(labelOf(segment.slice(0, changed.index)), span, changed[2] as Metric['wording'], changed[1]), p, span, text);
      } else if (verbFirst(segment, own) && span.unit === '%') {
        // 比上年减少货车违法超限超载行为23.5%: the verb before what changed, the figure after it.
        const [, basis, verb, what] = verbFirst(segment, own)!;
        metric = add(change(cleanLabel(what!, undefined), span, verb as Metric['wording'], basis), p, span, text);
      } else if (to) {
        metric = add(level(labelOf(segment.slice(0, to.index)), span), p, span, text);
      } else {
        const kind = span.unit === '%' ? 'share' : 'count';
        const isPart = kind === 'count' && total && (gap.includes('其中') || (group === 'parts' && gap.startsWith('、')));
        const continues = !isPart && kind === 'count' && total && group === 'parts' && gap.startsWith('，') && span.unit === total.unit;
        const label = labelOf(segment, after);
        metric = add(
          {
            ...level(label, span),
            ...(kind === 'count' && !isPart && !continues && period && { period }),
            ...(isPart && { partOf: total!.id }),
            ...(continues && { continues: total!.id }),
          },
          p,
          span,
          text,
        );
        if (isPart) group = 'parts';
        else {
          group = undefined;
          if (!continues && kind === 'count') total = metric;
          if (continues) total = undefined;
        }
      }
      previousEnd = span.end;
    }
  });

  if (once) {
    // No later figure completed the pair: the earlier point stands as a rate of its own.
    add(level(once.rate, once.span), once.paragraph, once.span, paragraphs[once.paragraph]!);
  }

  metrics.sort((a, b) => order(a) - order(b));
  typed.sort((a, b) => order(a.metric) - order(b.metric));
  // In order of first appearance: a before/after rate stands where its earlier value does.
  function order(metric: Metric) {
    return Math.min(...tags.filter((t) => t.metric === metric).map((t) => t.paragraph * 1e6 + t.span.start));
  }

  const body = paragraphs
    .map((text, p) =>
      tags
        .filter((tag) => tag.paragraph === p)
        .sort((a, b) => b.span.start - a.span.start)
        .reduce((out, tag) => `${out.slice(0, tag.span.start)}<Metric id="${tag.metric.id}"${tag.at ? ` at="${tag.at}"` : ''} />${out.slice(tag.span.end)}`, text),
    )
    .join('\n\n');
  return { body, metrics, typed, leftAsText, unclassified };
}

// The comparison a verb-first change may open with: 同比, 环比, or words naming no basis (比上年).
const VERB_FIRST = new RegExp(`^(?:(同比|环比)|比上年|较上年|比去年|较去年|与上年相比|与去年相比)?(${CHANGE_VERBS.join('|')})了?(\\p{Script=Han}.*)$`, 'u');

function verbFirst(segment: string, period: string | undefined) {
  const words = period && segment.startsWith(period) ? segment.slice(period.length) : segment;
  return VERB_FIRST.exec(words.replace(LEAD_WORDS, ''));
}

function RISING(to: string) {
  return /^(提升|上升|增长|增加)/.test(to);
}

/** The figure at `index`, read with its hedge, 万 and unit; or why it cannot be typed. */
function spanAt(text: string, index: number, measured: string): Span | string {
  const match = FIGURE_AT.exec(text.slice(index));
  // numbers-in-text reads the longest measure word (8.5个百分点): a shorter unit (个) would misread it.
  if (match && measured.length > match[0].replace(/以上$/, '').length) {
    return `单位“${measured.slice(match[1]!.length).replace(/^万?[余多]?/, '')}”不在单位表中（src/schema/metric.ts 的 UNITS）：需要时先扩充单位表，或按文字保留`;
  }
  if (!match) {
    const unit = /^[\d.]+万?[余多]?(\p{Script=Han}{0,2}|[^\p{Script=Han}]?)/u.exec(text.slice(index))?.[1];
    return `单位“${unit ?? ''}”不在单位表中（src/schema/metric.ts 的 UNITS）：需要时先扩充单位表，或按文字保留`;
  }
  const [whole, digits, scale, hedgeAfter, unit, atLeast] = match;
  const hedgeBefore = HEDGE_BEFORE.exec(text.slice(0, index))?.[1];
  const hedges = [hedgeBefore, hedgeAfter, atLeast].filter(Boolean) as Qualifier[];
  if (hedges.length > 1) return `同一个数字有两个限定词（${hedges.join('、')}）`;
  if (/^(左右|以下|以内|上下)/.test(text.slice(index + whole.length))) return `限定词“${/^(左右|以下|以内|上下)/.exec(text.slice(index + whole.length))![1]}”不在允许之列`;
  const start = index - (hedgeBefore?.length ?? 0);
  const value = Number(digits) * (scale ? 10_000 : 1);
  const span: Span = { start, end: index + whole.length, text: text.slice(start, index + whole.length), value: Number(value.toPrecision(12)), unit: unit as Unit, ...(scale && { scale: '万' as const }), ...(hedges[0] && { qualifier: hedges[0] }) };
  // The page prints the metric through the one formatter: a figure it would print otherwise stays text.
  const printed = formatFigure(span);
  if (printed !== span.text) return `网页会印成“${printed}”，与原文“${span.text}”不同，按文字保留`;
  return span;
}

function level(label: string, span: Span): Omit<Metric, 'id'> {
  return {
    label,
    value: span.value,
    ...(span.scale && { scale: span.scale }),
    unit: span.unit,
    ...(span.qualifier && { qualifier: span.qualifier }),
    kind: span.unit === '%' ? 'share' : 'count',
  };
}

function change(label: string, span: Span, verb: Metric['wording'], basis: string | undefined): Omit<Metric, 'id'> {
  const direction = DOWN.has(verb!) ? 'down' : 'up';
  const usual = direction === 'down' ? '下降' : '上升';
  const { kind: _, ...figure } = level(label, span);
  return { ...figure, kind: 'change', direction, ...(verb !== usual && { wording: verb }), ...(basis && { basis: basis as '同比' | '环比' }) };
}

/** The source's words for what a figure counts, without the period and connecting words before them. */
function cleanLabel(words: string, period: string | undefined): string {
  let label = words.trim();
  if (period && label.startsWith(period)) label = label.slice(period.length);
  return label.replace(LEAD_WORDS, '').replace(/(?:[的对向仅只]|达到|高达|共计)$/, '').trim();
}
