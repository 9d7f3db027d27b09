import { achievementCount, countWord } from '../ordinal';
import { NO_FILTERS, type SearchFilters } from './filters';

/** The search interface's words: one place for every string a reader sees or hears. */
export const SEARCH_TEXT = {
  submit: '搜索',
  loading: '正在搜索…',
  fallbackNote: '完整搜索组件未能在此浏览器中启动，正在使用简易搜索（逐字匹配）。',
  /** Neither the search index nor the simplified search could load (offline, or files missing after an update). */
  failed: '搜索暂时无法使用：搜索数据没有加载成功，可能是网络中断。请稍后重试。',
  retry: '重试',
  /** Under `npm run dev` (the editor's preview) there is no index: the build writes it. */
  needsBuild: '预览（npm run dev）中不能搜索：搜索索引在构建时生成。要试搜索，请运行 npm run build，再运行 npm run preview。',
  filtersLegend: '筛选',
  tagLabel: '主题',
  anyTag: '全部主题',
  yearLabel: '年份',
  anyYear: '全部年份',
} as const;

/** How many example words the search box suggests, and how many its placeholder names. */
const EXAMPLES = 6;
const EXAMPLES_NAMED = 3;

/** The words the search box suggests: the edition's searchExamples, or else its first tags. */
export function searchExamples(edition: { searchExamples?: readonly string[] | undefined; achievements: readonly { tags: readonly string[] }[] }): string[] {
  return edition.searchExamples ? [...edition.searchExamples] : [...new Set(edition.achievements.flatMap((a) => a.tags))].slice(0, EXAMPLES);
}

/** The search input's placeholder: 搜索：酒驾、头盔、12123…. */
export function searchPlaceholder(examples: readonly string[]): string {
  return examples.length ? `搜索：${examples.slice(0, EXAMPLES_NAMED).join('、')}…` : '搜索';
}

/** What the search covers: each edition's year and how many achievements it has, newest first. */
export interface SearchScope {
  year: number;
  count: number;
}

/** The search box's name: 搜索十件实事 for one edition, 搜索历年实事 for several. */
export function searchLabel(scope: readonly SearchScope[]): string {
  const [only] = scope;
  return scope.length === 1 && only ? `搜索${achievementCount(only.count)}` : '搜索历年实事';
}

/** Up to this many editions, /search/ names each with its count; beyond, the years and the total. */
const EDITIONS_NAMED = 3;

/**
 * What /search/ says above its list of every achievement, before a query: 全部十件实事 for one edition,
 * 历年全部实事：2023年九件、2022年十件 for a few (each edition's own count), 历年全部实事：2019—2023年，共5个年度、48件
 * for many, where a list of every year would bury the page.
 */
export function allAchievementsMessage(scope: readonly SearchScope[]): string {
  const [only] = scope;
  if (scope.length === 1 && only) return `全部${achievementCount(only.count)}`;
  if (scope.length <= EDITIONS_NAMED) return `历年全部实事：${scope.map(({ year, count }) => `${year}年${countWord(count)}`).join('、')}`;
  const years = scope.map((s) => s.year);
  const total = scope.reduce((sum, s) => sum + s.count, 0);
  return `历年全部实事：${Math.min(...years)}—${Math.max(...years)}年，共${scope.length}个年度、${total}件`;
}

/** The year a hit shows, the same in the built list and in results: 2022年. */
export function yearLabel(year: number | string): string {
  return `${year}年`;
}

/**
 * The result count, said the way it is announced: 找到 3 条与“酒驾”相关的结果, with the filters in force
 * (找到 1 条与“酒驾”相关的结果（主题“曝光”、2022年）), or for filters alone: 主题“头盔”：共 1 件实事.
 */
export function resultCountMessage(count: number, query: string, filters: SearchFilters = NO_FILTERS): string {
  const within = [filters.tag && `主题“${filters.tag}”`, filters.year && `${filters.year}年`].filter(Boolean).join('、');
  if (!query) return count === 0 ? `${within}：没有实事。` : `${within}：共 ${count} 件实事`;
  const scope = within ? `（${within}）` : '';
  if (count === 0) return `没有找到与“${query}”相关的内容${scope}。换个说法试试，或者搜索下面的常用词：`;
  return `找到 ${count} 条与“${query}”相关的结果${scope}`;
}
