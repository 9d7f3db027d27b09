import { achievementSchema } from '../../schema/achievement';
import { editionSchema } from '../../schema/edition';
import type { Metric } from '../../schema/metric';
import { SLUG_TODO, TODO, todosIn, type Todo } from '../../schema/todo';
import { ImportError } from './errors';
import { figuresOf, type AchievementFigures } from './figures';
import { pinyinSlug, unique } from './slug';
import type { ImportedArticle, ImportedAchievement } from './structure';

/** One drafted entry: the file's name, its frontmatter, its MDX body, and what its figures came to. */
export interface DraftEntry {
  file: string;
  achievement: ImportedAchievement;
  data: Record<string, unknown>;
  figures: AchievementFigures;
  /** What the editor must fill in or confirm. */
  todos: Todo[];
  text: string;
}

/** A drafted edition: edition.yaml and one entry per achievement, as text, not yet written anywhere. */
export interface DraftEdition {
  year: number;
  edition: { data: Record<string, unknown>; todos: Todo[]; text: string };
  entries: DraftEntry[];
}

const q = (text: string) => JSON.stringify(text);

/** The edition's files from the article; every field only an editor can decide carries a TODO mark. */
export function draftEdition(source: string, article: ImportedArticle, year: number): DraftEdition {
  const edition = {
    year,
    title: article.title ?? `${TODO}：文章的标题（原文中没有找到）`,
    subtitle: article.subtitle ?? `${TODO}：副题（原文中没有找到）`,
    byline: article.byline.length ? article.byline : [`${TODO}：作者（原文中没有找到）`],
    lead: article.lead ?? `${TODO}：导语（原文中没有找到）`,
  };
  check(`content/${year}/edition.yaml`, editionSchema.safeParse(edition));
  const editionText = [
    `# 由 npm run import 从 ${source} 导入。带 TODO 的地方由编辑填写（docs/导入指南.md）。`,
    `year: ${year}`,
    `title: ${q(edition.title)}`,
    `subtitle: ${q(edition.subtitle)}`,
    `byline: [${edition.byline.map(q).join(', ')}]`,
    `lead: ${q(edition.lead)}`,
    '# keyFigures（可选）：首页数字条，由编辑挑选，每项是一节的 slug 和该节的一个指标 id：',
    '#   - { achievement: <slug>, metric: <指标 id> }',
    '',
  ].join('\n');

  const slugs = new Set<string>();
  const entries = article.achievements.map((achievement, i): DraftEntry => {
    const figures = figuresOf(achievement.paragraphs);
    const slug = `${SLUG_TODO}${unique(pinyinSlug(achievement.title, 5) || `achievement-${i + 1}`, slugs)}`;
    const data = {
      draft: true,
      order: i + 1,
      slug,
      kicker: achievement.kicker ?? `${TODO}：标题的前半部分（原标题“${achievement.heading}”中找不到分隔的空格）`,
      title: achievement.title,
      summary: `${TODO}：一句话概括本节，每个小句原样摘自正文，不含统计数字`,
      tags: [`${TODO}：主题标签，如“酒驾醉驾”`],
      headlineQuote: `${TODO}：卡片上的一句原文短语；或删去本行，改填 headlineMetric: <指标 id>`,
      metrics: figures.metrics,
    };
    const file = `${slug.slice(SLUG_TODO.length)}.mdx`;
    check(`content/${year}/${file}`, achievementSchema.safeParse(data));
    const text = [
      '---',
      `# 草稿：由 npm run import 从 ${source} 导入。带 TODO 的字段由编辑填写或确认（docs/导入指南.md），`,
      '# 全部填好、核对无误后删去 draft: true 才会发布。',
      'draft: true',
      `order: ${data.order}`,
      `slug: ${slug}`,
      `kicker: ${q(data.kicker)}`,
      `title: ${q(data.title)}`,
      `summary: ${q(data.summary)}`,
      `tags: [${data.tags.map(q).join(', ')}]`,
      '# aliases（可选）：读者会用、正文没有的说法，如 ["酒后开车"]',
      `headlineQuote: ${q(data.headlineQuote)}`,
      ...metricsYaml(figures.metrics),
      '# charts（可选）：由编辑决定画哪些图，见 docs/editing.md',
      '---',
      '',
      figures.body,
      '',
    ].join('\n');
    return { file, achievement, data, figures, todos: todosIn(data), text };
  });
  return { year, edition: { data: edition, todos: todosIn(edition), text: editionText }, entries };
}

function metricsYaml(metrics: readonly Metric[]): string[] {
  if (!metrics.length) return ['metrics: []'];
  const lines = ['metrics:'];
  for (const m of metrics) {
    lines.push(`  - id: ${m.id}`, `    label: ${q(m.label)}`, `    value: ${m.value}`);
    if (m.scale) lines.push(`    scale: ${m.scale}`);
    lines.push(`    unit: ${q(m.unit)}`);
    if (m.qualifier) lines.push(`    qualifier: ${m.qualifier}`);
    lines.push(`    kind: ${m.kind}`);
    for (const key of ['direction', 'wording', 'basis', 'period', 'partOf', 'continues'] as const) {
      if (m[key]) lines.push(`    ${key}: ${key === 'period' ? q(m[key]) : m[key]}`);
    }
    if (m.before) {
      lines.push('    before:', `      value: ${m.before.value}`);
      if (m.before.qualifier) lines.push(`      qualifier: ${m.before.qualifier}`);
      lines.push(`      label: ${q(m.before.label)}`);
      if (m.before.verb) lines.push(`      verb: ${m.before.verb}`);
      lines.push(`      to: ${m.before.to}`);
    }
  }
  return lines;
}

/** The importer's own output must pass the schema the build applies; if it cannot, nothing is written. */
function check(file: string, result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  if (result.success) return;
  const issues = result.error!.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`).join('；');
  throw new ImportError(`${file}：导入结果不符合内容格式（${issues}），未写入任何文件`);
}
