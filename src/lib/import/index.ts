import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { draftEdition, type DraftEdition } from './draft';
import { ImportError } from './errors';
import { readArticle } from './read';
import { importReport } from './report';
import { structureOf, type ImportedArticle } from './structure';

export { ImportError } from './errors';

export interface ImportOptions {
  /** The edition's year; by default the year the article's title block names (2022年…). */
  year?: number | undefined;
  /** Where editions live: content/ (CONTENT_DIR in tests). */
  contentDir: string;
  /** Replace an edition folder that already exists. */
  force?: boolean;
}

export interface ImportResult {
  year: number;
  /** The edition's folder, written. */
  folder: string;
  article: ImportedArticle;
  draft: DraftEdition;
  report: string;
}

/** The article read and drafted as an edition, in memory: nothing is written. */
export async function draftFromFile(file: string, year?: number): Promise<{ article: ImportedArticle; draft: DraftEdition }> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new ImportError(`${file}：无法读取文件（不存在，或没有读取权限）`);
  }
  const article = structureOf(file, await readArticle(file, bytes));
  const named = /((?:19|20)\d{2})年/.exec([article.title, article.subtitle, article.lead].join(' '))?.[1];
  const chosen = year ?? (named ? Number(named) : undefined);
  if (chosen === undefined) throw new ImportError(`${file}：标题和导语中没有年份：请用 --year 指定，如 npm run import -- ${basename(file)} --year 2023`);
  return { article, draft: draftEdition(basename(file), article, chosen) };
}

/**
 * npm run import: content/<year>/ drafted from the article. Every file is written to a temporary
 * folder beside content/ and moved into place in one rename, so a failure leaves no half edition;
 * an existing edition is replaced only with `force`, and kept if anything fails.
 */
export async function importArticle(file: string, options: ImportOptions): Promise<ImportResult> {
  if (options.year !== undefined && !(Number.isInteger(options.year) && options.year >= 2000 && options.year <= 2100)) {
    throw new ImportError(`--year ${options.year}：年份必须是 2000 到 2100 之间的整数`);
  }
  const { article, draft } = await draftFromFile(file, options.year);
  const folder = join(options.contentDir, String(draft.year));
  if (existsSync(folder) && !options.force) {
    throw new ImportError(`${folder}/ 已经存在：不会覆盖已有的年度。确实要重新导入，请加 --force（原有文件将被替换）`);
  }
  mkdirSync(options.contentDir, { recursive: true });
  const staging = mkdtempSync(join(dirname(folder), '..', `.import-${draft.year}-`));
  const replaced = `${staging}-replaced`;
  try {
    writeFileSync(join(staging, 'edition.yaml'), draft.edition.text);
    for (const entry of draft.entries) writeFileSync(join(staging, entry.file), entry.text);
    if (existsSync(folder)) renameSync(folder, replaced);
    try {
      renameSync(staging, folder);
    } catch (error) {
      if (existsSync(replaced)) renameSync(replaced, folder);
      throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(replaced, { recursive: true, force: true });
  }
  const near = relative(process.cwd(), folder);
  const shown = near && !near.startsWith('..') ? near : folder;
  return { year: draft.year, folder, article, draft, report: importReport(basename(file), shown, article, draft) };
}
