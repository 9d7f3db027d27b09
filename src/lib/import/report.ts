import { describeMetric, formatMetric } from '../metrics/format';
import type { Metric } from '../../schema/metric';
import type { DraftEdition } from './draft';
import type { ImportedArticle } from './structure';

const KINDS = { count: '数量', share: '比率', change: '变化' } as const;

/** How the importer typed a metric, in the words of the entry fields: 比率，前值 原来15%（提升至）. */
export function typeOf(metric: Metric): string {
  const parts: string[] = [KINDS[metric.kind]];
  if (metric.kind === 'change') parts.push(`${metric.direction === 'down' ? '下降' : '上升'}${metric.wording ? `（原文“${metric.wording}”）` : ''}`, metric.basis ?? '原文未说明比较基期');
  if (metric.before) parts.push(`前值 ${metric.before.label}${formatMetric(metric, 'before')}（${metric.before.to}）`);
  if (metric.partOf) parts.push(`“其中”一项，属于 ${metric.partOf}`);
  if (metric.continues) parts.push(`接在 ${metric.continues} 的“其中”各项之后，原文未说明是否属于“其中”`);
  if (metric.period) parts.push(`时间用语“${metric.period}”`);
  return parts.join('，');
}

/** What the importer found and did, and what the editor must still do, for the terminal. */
export function importReport(source: string, folder: string, article: ImportedArticle, draft: DraftEdition): string {
  const lines: string[] = [];
  const entries = draft.entries;
  lines.push(`导入 ${source} → ${folder}/（全部是草稿，draft: true，不会发布）`, '');
  lines.push(`标题：${article.title ?? '（未找到）'}`, `副题：${article.subtitle ?? '（未找到）'}`, `作者：${article.byline.join('、') || '（未找到）'}`, `导语：${article.lead ? `${article.lead.length} 字` : '（未找到）'}`, '');

  lines.push(`找到 ${entries.length} 节（按原文阅读顺序）：`);
  entries.forEach((e, i) => lines.push(`  ${i + 1}. ${e.data.kicker}｜${e.data.title} → ${e.file}，${e.figures.metrics.length} 个指标`));

  const typed = entries.flatMap((e) => e.figures.typed.map((t) => ({ e, ...t })));
  lines.push('', `已转为指标的数字（${typed.length} 个，请逐个核对 label 和类型）：`);
  for (const { e, metric, context } of typed) {
    lines.push(`  ${e.file} ${metric.id}：${describeMetric(metric)}，${metric.label}；${typeOf(metric)}`, `      原文：${context}`);
  }

  const kept = entries.flatMap((e) => e.figures.leftAsText.map((n) => ({ e, ...n })));
  lines.push('', `保留为文字的数字（${kept.length} 个，不是统计数字）：`);
  for (const { e, text, reason, context } of kept) lines.push(`  ${e.file} “${text}”：${reason}`, `      原文：${context}`);

  const unclassified = entries.flatMap((e) => e.figures.unclassified.map((n) => ({ e, ...n })));
  lines.push('', unclassified.length ? `无法归类、暂按文字保留的数字（${unclassified.length} 个，请编辑处理）：` : '无法归类的数字：无');
  for (const { e, text, reason, context } of unclassified) lines.push(`  ${e.file} “${text}”：${reason}`, `      原文：${context}`);

  if (article.leftOut.length) {
    lines.push('', '读到但没有放进任何一节的文字（请核对）：');
    for (const text of article.leftOut) lines.push(`  ${text}`);
  }

  lines.push('', '编辑需要填写或确认（TODO）：');
  if (draft.edition.todos.length) lines.push(`  edition.yaml：${draft.edition.todos.map((t) => t.path.join('.')).join('、')}`);
  lines.push('  edition.yaml：keyFigures（可选，首页数字条）');
  for (const e of entries) {
    const unplaced = e.figures.unclassified.length ? `；正文中 ${e.figures.unclassified.length} 个数字待处理` : '';
    lines.push(`  ${e.file}：${e.todos.map((t) => t.path.join('.')).join('、')}${unplaced}；可选：aliases、charts`);
  }
  lines.push('', '全部填好后删去每个文件的 draft: true，再运行 npm run build。构建时会列出仍是草稿的文件和它们还缺什么。');
  return lines.join('\n');
}
