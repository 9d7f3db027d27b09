import { figuresIn } from '../schema/numbers-in-text';
import { todosIn } from '../schema/todo';

/** A draft entry as the build sees it: its file, frontmatter and MDX body. */
export interface DraftEntry {
  file: string;
  data: unknown;
  body: string | undefined;
}

/** The figures typed into a body as text, outside <Metric> tags: each must become a metric before publishing. */
export function figuresTypedIn(body: string | undefined): string[] {
  return figuresIn((body ?? '').replace(/<Metric\b[^>]*\/>/g, '')).map((figure) => figure.text);
}

/**
 * What the build prints about drafts: which files are not published and, for each, what it still
 * lacks (the TODO marks of its frontmatter, the figures still typed in its text).
 */
export function draftsNotice(drafts: readonly DraftEntry[]): string {
  if (!drafts.length) return '';
  const lines = [`以下 ${drafts.length} 个条目是草稿（draft: true），不会发布：`];
  for (const { file, data, body } of drafts) {
    const lacks = [
      ...todosIn(data).map((todo) => `${todo.path.join('.')}：${todo.text}`),
      ...figuresTypedIn(body).map((figure) => `正文中的“${figure}”还是文字：改为指标（metrics）和 <Metric id="…" />`),
    ];
    lines.push(`  ${file}${lacks.length ? '，尚缺：' : '：没有待填写的标记，检查无误后删去 draft: true 即可发布'}`);
    for (const lack of lacks) lines.push(`    - ${lack}`);
  }
  return lines.join('\n');
}
