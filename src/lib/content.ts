import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { Chart } from '../schema/chart';
import type { EditionData } from '../schema/edition';
import type { Metric } from '../schema/metric';
import { loadFailureOf, unreadable } from '../schema/loader';
import { todosIn } from '../schema/todo';
import { UNDER_DEV_SERVER } from './dev-server';
import { draftsNotice } from './drafts';
import { metricById } from './metrics/lookup';
import { clausesMissingFrom } from './own-words';
import { paragraphsOf, textOfParagraphs, type Run } from './share/plain-text';

export type AchievementEntry = CollectionEntry<'achievements'>;
type EditionEntry = CollectionEntry<'editions'>;

/** What an achievement's card shows: one of its metrics, or a phrase from an achievement without figures. */
export type Headline = { metric: Metric; text?: never } | { text: string; metric?: never };

export interface Achievement {
  /** The collection entry, for `render()`. */
  entry: AchievementEntry;
  /** The file an editor edits, for error messages: content/2022/drunk-driving.mdx. */
  file: string;
  year: number;
  order: number;
  slug: string;
  kicker: string;
  title: string;
  summary: string;
  tags: string[];
  /** Search words that are not in the text: indexed, never shown. */
  aliases: string[];
  metrics: Metric[];
  /** The entry's text as paragraphs of runs, figures printed as the page prints them. */
  paragraphs: Run[][];
  /** The same text as plain text, paragraphs apart by a blank line: what reposts, search and checks read. */
  text: string;
  /** Charts drawn from the metrics, in the order shown; empty for an achievement without comparable figures. */
  charts: Chart[];
  headline: Headline;
  /** Permanent public path: /2022/drunk-driving/. */
  href: string;
}

export interface KeyFigure {
  achievement: Achievement;
  metric: Metric;
}

export interface Edition extends Omit<EditionData, 'keyFigures'> {
  file: string;
  href: string;
  /** In the article's order. */
  achievements: Achievement[];
  keyFigures: KeyFigure[];
}

/** The editions made from one state of the collections, and that state. */
let made: { state: string; editions: Edition[] } | undefined;

/**
 * Every edition, newest first, with its achievements in order; cross-entry rules checked once per
 * state of the collections. A build reads the collections once, so it makes the editions once; under
 * `astro dev` a saved file changes the collections and the next page makes them again. A failure is
 * thrown to the page and never kept: the page that showed it recovers as soon as the file is fixed.
 */
export async function getEditions(): Promise<Edition[]> {
  // A build's collections never change, so it reads them once: every image asks for the editions,
  // and reading every entry again each time would grow with entries × images.
  if (made && !UNDER_DEV_SERVER) return made.editions;
  const [editionEntries, achievementEntries] = await Promise.all([getCollection('editions'), getCollection('achievements')]);
  const state = stateOf([...editionEntries, ...achievementEntries]);
  if (made?.state !== state) made = { state, editions: loadEditions(editionEntries, achievementEntries) };
  return made.editions;
}

export async function getLatestEdition(): Promise<Edition> {
  const [latest] = await getEditions();
  if (!latest) throw new Error('content/ 下没有任何 edition.yaml：至少需要一个年度');
  return latest;
}

/**
 * An achievement's text, rendered for its page. Under `astro dev` the file may have been saved
 * broken since the collections were read (the page reloads before the content layer has read it
 * again), and MDX's own error would not name the entry: this one does.
 */
export async function renderAchievement(achievement: Achievement) {
  try {
    return await render(achievement.entry);
  } catch (error) {
    throw new Error(unreadable(achievement.file, error));
  }
}

/** The achievements before and after this one in its edition, for reading on. */
export function neighboursOf(edition: Edition, achievement: Achievement) {
  const i = edition.achievements.indexOf(achievement);
  return { previous: edition.achievements[i - 1], next: edition.achievements[i + 1] };
}

/** The collections' entries by their files' text: the glob loader digests each file it reads. */
function stateOf(entries: readonly (EditionEntry | AchievementEntry)[]): string {
  return entries.map((entry) => `${entry.collection}/${entry.id}@${entry.digest}`).join('\n');
}

function loadEditions(editionEntries: EditionEntry[], entries: AchievementEntry[]): Edition[] {
  const failures = [...editionEntries, ...entries].flatMap((entry) => loadFailureOf(entry.data) ?? []);
  if (failures.length > 0) throw new Error(failures.join('\n'));
  const byFolder = new Map(editionEntries.map((entry) => [entry.id, entry]));
  // A draft publishes nothing (no page, search entry, feed item or data row): it is left out here,
  // where every list of entries starts, and the build says what it still lacks.
  const achievementEntries = entries.filter((entry) => !entry.data.draft);
  const drafts = entries.filter((entry) => entry.data.draft);
  if (drafts.length) console.warn(draftsNotice(drafts.map((entry) => ({ file: fileOf(entry), data: entry.data, body: entry.body }))));

  for (const entry of entries) {
    const folder = folderOf(entry.id);
    if (!byFolder.has(folder)) {
      throw new Error(`${fileOf(entry)}: 所在文件夹 ${folder}/ 缺少 edition.yaml（年度的标题、作者、导语）`);
    }
  }

  return editionEntries
    .map((entry) => {
      const file = fileOf(entry);
      if (String(entry.data.year) !== entry.id) {
        throw new Error(`${file}: year ${entry.data.year} 与所在文件夹 ${entry.id}/ 不一致`);
      }
      const achievements = achievementEntries
        .filter((a) => folderOf(a.id) === entry.id)
        .map((a) => toAchievement(a, entry.data.year))
        .sort((a, b) => a.order - b.order);
      assertUnique(achievements, 'order');
      assertUnique(achievements, 'slug');
      achievements.forEach(assertSummaryInText);
      const keyFigures = entry.data.keyFigures.map(({ achievement: slug, metric }, i) => {
        const achievement = achievements.find((a) => a.slug === slug);
        if (!achievement) throw new Error(`${file}: keyFigures[${i}].achievement 指向不存在的篇目 “${slug}”`);
        return { achievement, metric: metricById(achievement.metrics, metric, { file, field: `keyFigures[${i}].metric` }) };
      });
      return { ...entry.data, file, href: `/${entry.data.year}/`, achievements, keyFigures };
    })
    .filter((edition) => {
      // An edition whose entries are all drafts (just imported) is a draft too.
      if (!edition.achievements.length) {
        console.warn(`${edition.file}: 该年度还没有已发布的条目（全部是草稿），整个年度暂不发布`);
        return false;
      }
      // A build never publishes part of an edition: its counts (九件), ordinals (第五件) and 往年回顾
      // would read wrong. The preview shows the entries already finished, so an editor can check each.
      const unfinished = drafts.filter((d) => folderOf(d.id) === String(edition.year)).map(fileOf);
      if (unfinished.length && !UNDER_DEV_SERVER) {
        console.warn(`${edition.file}: 该年度还有 ${unfinished.length} 个草稿（${unfinished.join('、')}），整个年度暂不发布：全部条目删去 draft 后，这一年才会发布`);
        return false;
      }
      const [todo] = todosIn(editionEntries.find((e) => e.id === String(edition.year))!.data);
      if (todo) throw new Error(`${edition.file}: ${todo.path.join('.')} 还是待填写的标记（${todo.text}）：该年度已有条目发布，请先填好`);
      return true;
    })
    .sort((a, b) => b.year - a.year);
}

function toAchievement(entry: AchievementEntry, year: number): Achievement {
  const { data } = entry;
  const file = fileOf(entry);
  const paragraphs = paragraphsOf(entry.body, data.metrics, file);
  const headline: Headline = data.headlineMetric
    ? { metric: metricById(data.metrics, data.headlineMetric, { file, field: 'headlineMetric' }) }
    : { text: data.headlineQuote ?? '' };
  return {
    entry,
    file,
    year,
    order: data.order,
    slug: data.slug,
    kicker: data.kicker,
    title: data.title,
    summary: data.summary,
    tags: data.tags,
    aliases: data.aliases,
    metrics: data.metrics,
    paragraphs,
    text: textOfParagraphs(paragraphs),
    charts: data.charts,
    headline,
    href: `/${year}/${data.slug}/`,
  };
}

function assertUnique(achievements: Achievement[], field: 'order' | 'slug') {
  const seen = new Map<string | number, Achievement>();
  for (const a of achievements) {
    const other = seen.get(a[field]);
    if (other) throw new Error(`${a.file}: ${field} “${a[field]}” 与 ${other.file} 重复，同一年度内必须唯一`);
    seen.set(a[field], a);
  }
}

/** A summary is the achievement's own words (own-words.ts): each of its clauses stands in the text. */
function assertSummaryInText(achievement: Achievement) {
  const [missing] = clausesMissingFrom(achievement.summary, achievement.text);
  if (missing !== undefined) {
    throw new Error(`${achievement.file}: summary 中的“${missing}”不是本节正文的原话：summary 的每一小句（逗号、句号、分号之间）都必须原样出现在正文中，可以省略小句，不能改写或删减小句中的字`);
  }
}

function folderOf(id: string): string {
  return id.split('/')[0]!;
}

function fileOf(entry: { filePath?: string | undefined; id: string }): string {
  return entry.filePath ?? entry.id;
}
