import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { ZodType } from 'astro/zod';

/** The source of every schema module: what a parsed entry depends on besides its own file. */
export function schemaDigest(dir = fileURLToPath(new URL('.', import.meta.url))): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts')).sort()) hash.update(file).update(readFileSync(join(dir, file)));
  return hash.digest('hex');
}

/**
 * A loader that forgets the entries it parsed whenever the schema's source or the content folder
 * changes. Astro's content cache re-parses an entry only when its own file changes (and the whole
 * store only when content.config.ts itself does), so an edit in src/schema/ left data parsed by the
 * old schema in the cache, and a build without --force published it. Likewise an entry parsed from
 * another folder (CONTENT_DIR, as the tests set it) whose text is the same kept that folder's path,
 * and the next `npm run dev` rendered a file that was gone.
 */
export function schemaAware(loader: Loader, folder: string, digestOfSchema: () => string = schemaDigest): Loader {
  return {
    ...loader,
    load: async (context) => {
      const digest = `${digestOfSchema()} ${folder}`;
      if (context.meta.get('schema-digest') !== digest) {
        context.store.clear();
        context.meta.set('schema-digest', digest);
      }
      return loader.load(context);
    },
  };
}

/** Where an entry that could not be loaded keeps its error, in place of its data (see failuresShown). */
const LOAD_FAILURE = 'loadFailure$';

/** The error of an entry that could not be loaded, in Chinese with its file and field; undefined for a loaded entry. */
export function loadFailureOf(data: object): string | undefined {
  return LOAD_FAILURE in data ? String(data[LOAD_FAILURE]) : undefined;
}

type EntryInfo = (params: { fileUrl: URL; contents: string }) => unknown;
/** The part of the context the glob loader reads the files with (Astro passes it, its types do not name it). */
type FileReading = { entryTypes?: Map<string, { getEntryInfo: EntryInfo }> | undefined };

/**
 * Under `astro dev`, an entry that cannot be loaded (its YAML does not parse, its data breaks the
 * schema) is stored with its error instead of its data, and lib/content.ts raises that error on
 * every page, so the editor sees it in the browser; saving the fixed file replaces it. Astro's glob
 * loader would only log it in the terminal and go on serving the last good version, and with a file
 * already broken `npm run dev` did not start at all. A build (no watcher) stops at the first such
 * error as before.
 */
export function failuresShown(loader: Loader, schema: ZodType): Loader {
  return {
    ...loader,
    load: (context) => {
      if (!context.watcher) return loader.load(context);
      const fileOf = (path: string) => relative(fileURLToPath(context.config.root), path);
      const { entryTypes } = context as LoaderContext & FileReading;
      const reading: FileReading = {
        entryTypes:
          entryTypes &&
          new Map(
            [...entryTypes].map(([extension, type]) => [
              extension,
              {
                ...type,
                getEntryInfo: async (params) => {
                  try {
                    return await type.getEntryInfo({ ...params, contents: await settled(params.fileUrl, params.contents) });
                  } catch (error) {
                    return { data: { [LOAD_FAILURE]: unreadable(fileOf(fileURLToPath(params.fileUrl)), error) }, body: '', rawData: '' };
                  }
                },
              },
            ]),
          ),
      };
      const parseData: LoaderContext['parseData'] = async (props) => {
        if (loadFailureOf(props.data) !== undefined) return props.data;
        try {
          return await context.parseData(props);
        } catch (error) {
          return { [LOAD_FAILURE]: schemaFailure(fileOf(props.filePath ?? props.id), schema, props.data, error) } as unknown as typeof props.data;
        }
      };
      return loader.load({ ...context, ...reading, parseData });
    },
  };
}

/** How long a file's text must stay the same before it is read as saved. */
const SETTLE_MS = 60;

/**
 * A file's text once two reads a moment apart agree. The watcher can fire while a save is still
 * being written: read then, the half-written file gave a page of errors (every field missing) that
 * stayed until the next save, or worse, a shortened text that loaded without any error.
 */
async function settled(file: URL, contents: string): Promise<string> {
  for (let reads = 0; reads < 20; reads++) {
    await sleep(SETTLE_MS);
    const again = await readFile(file, 'utf8').catch(() => contents);
    if (again === contents) return contents;
    contents = again;
  }
  return contents;
}

/** Each of the schema's complaints on its own line, with the file and the field: content/2022/x.mdx: headlineMetric: … */
function schemaFailure(file: string, schema: ZodType, data: unknown, error: unknown): string {
  const result = schema.safeParse(data);
  if (result.success) return `${file}: ${messageOf(error)}`;
  return result.error.issues.map((issue) => `${file}: ${issue.path.join('.') || '（整个文件）'}: ${issue.message}`).join('\n');
}

/**
 * A file that does not parse (its YAML settings, or an MDX entry's text): the parser's complaint and
 * the line of the file it stopped at, where Astro gives one.
 */
export function unreadable(file: string, error: unknown): string {
  const line = (error as { loc?: { line?: number } }).loc?.line;
  const where = line === undefined ? '' : `第 ${line} 行附近`;
  return `${file}: 文件无法读取，${where}格式有误（${messageOf(error)}）：检查开头设置（YAML）的缩进、冒号后的空格和成对的引号，以及正文中 <Metric id="…" /> 的写法`;
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replaceAll('**', '').trim();
}
