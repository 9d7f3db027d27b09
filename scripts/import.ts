// npm run import -- <article.docx|article.txt|article.md> [--year 2023] [--force]
// Drafts content/<year>/ from the article (CONTENT_DIR to write elsewhere) and prints the report.
// The importer is src/lib/import/; Vite's module runner loads it as the site's build does.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const USAGE = '用法：npm run import -- <文章.docx|文章.txt|文章.md> [--year 2023] [--force]';

function fail(message: string): never {
  console.error(`导入失败：${message}`);
  process.exit(1);
}

let args;
try {
  args = parseArgs({ allowPositionals: true, options: { year: { type: 'string' }, force: { type: 'boolean', default: false } } });
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}
const [file, ...extra] = args.positionals;
if (!file || extra.length) fail(`请给出一个文章文件。\n${USAGE}`);
const year = args.values.year === undefined ? undefined : Number(args.values.year);
if (year !== undefined && !/^\d{4}$/.test(args.values.year!)) fail(`--year “${args.values.year}” 不是四位数的年份`);

const { module } = await runnerImport<typeof import('../src/lib/import/index.ts')>(resolve(ROOT, 'src/lib/import/index.ts'), {
  root: ROOT,
  configFile: false,
  logLevel: 'silent',
  resolve: { alias: { '@': resolve(ROOT, 'src') } },
});
try {
  const result = await module.importArticle(resolve(file), { year, force: args.values.force, contentDir: resolve(ROOT, process.env.CONTENT_DIR ?? 'content') });
  console.log(result.report);
} catch (error) {
  if (error instanceof Error && error.name === 'ImportError') fail(error.message);
  throw error;
}
