/**
 * The marks the importer (npm run import) leaves where only an editor can decide: a field holding
 * TODO (summary, tags, highlight…), and a slug starting todo- (a suggestion; the URL is permanent once
 * published). A draft may hold them; a published entry may not.
 */
export const TODO = 'TODO';
export const SLUG_TODO = 'todo-';

/** One mark still in an entry: the field path as an editor finds it (metrics.2.label) and what it says. */
export interface Todo {
  path: (string | number)[];
  text: string;
}

/** Every TODO mark in an entry's frontmatter, in field order. */
export function todosIn(data: unknown, path: (string | number)[] = []): Todo[] {
  if (typeof data === 'string') {
    if (path.length === 1 && path[0] === 'slug' && data.startsWith(SLUG_TODO)) {
      return [{ path, text: `网址建议为 ${data.slice(SLUG_TODO.length)}：确认（发布后永久不变）后删去 ${SLUG_TODO} 前缀` }];
    }
    return data.includes(TODO) ? [{ path, text: data }] : [];
  }
  if (Array.isArray(data)) return data.flatMap((item, i) => todosIn(item, [...path, i]));
  if (data && typeof data === 'object') return Object.entries(data).flatMap(([key, value]) => todosIn(value, [...path, key]));
  return [];
}
