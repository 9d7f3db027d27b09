import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { draftsNotice, figuresTypedIn } from '@/lib/drafts';
import { ImportError, importArticle } from '@/lib/import';
import { figuresOf } from '@/lib/import/figures';
import { decodeText, readArticle } from '@/lib/import/read';
import { paragraphsOf, splitHeading, structureOf } from '@/lib/import/structure';
import { achievementSchema } from '@/schema/achievement';
import { todosIn } from '@/schema/todo';
import { SOURCE_ARTICLE } from '../support/import-fixtures';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), `zz-${prefix}-`));

/** Every file under a folder with its bytes: what "content/ untouched" is checked against. */
function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (statSync(path).isFile()) out[name] = readFileSync(path, 'utf8');
  }
  return out;
}

describe('reading the file', () => {
  const text = '坚守忠诚岗哨 党的二十大交通安保任务万无一失\n\n把党的二十大交通安保作为压倒一切的政治任务。';

  it('reads UTF-8 with or without a byte-order mark, and UTF-16 with one', () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeText('a.txt', utf8)).toBe(text);
    expect(decodeText('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    expect(decodeText('a.txt', utf16)).toBe(text);
  });

  it('detects GB18030 (GBK) and converts it: the numbered fixture is saved in GB18030', () => {
    const bytes = readFileSync('tests/fixtures/import/numbered.txt');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeText('numbered.txt', bytes)).toContain('春风化雨润民心 交管为民启新篇');
  });

  it('joins a line the page layout broke inside a word, and keeps paragraphs that end their sentence', () => {
    expect(paragraphsOf(['严格落实24小时值班和“领导双值班”制', '度,主要负责同志吃住在单位。', '第二段。'])).toEqual(['严格落实24小时值班和“领导双值班”制度，主要负责同志吃住在单位。', '第二段。']);
  });

  it('splits a heading into kicker and title where it breaks, and only at the first break', () => {
    expect(splitHeading('做强主责主业 交通事故实现“四个下降 一个零发生”')).toEqual({ kicker: '做强主责主业', title: '交通事故实现“四个下降 一个零发生”' });
    expect(splitHeading('严查重点违法——路面管控效能持续提升')).toEqual({ kicker: '严查重点违法', title: '路面管控效能持续提升' });
    expect(splitHeading('全力守护群众出行安全')).toEqual({ title: '全力守护群众出行安全' });
  });

  it('reads Markdown: # is the title, ## the sections, emphasis marks dropped', async () => {
    const md = '# 守护平安 畅通出行\n\n2031年某市交警工作综述\n\n张三 李四\n\n导语一句。\n\n## 严查违法 **路面秩序**持续向好\n\n全年查处违法行为300起。\n';
    const article = structureOf('a.md', await readArticle('a.md', new TextEncoder().encode(md)));
    expect(article).toMatchObject({ title: '守护平安 畅通出行', subtitle: '2031年某市交警工作综述', byline: ['张三', '李四'], lead: '导语一句。' });
    expect(article.achievements).toEqual([{ heading: '严查违法 路面秩序持续向好', kicker: '严查违法', title: '路面秩序持续向好', paragraphs: ['全年查处违法行为300起。'] }]);
  });

  it('reads a numbered heading run into its paragraph as a heading and a paragraph', () => {
    const article = structureOf('a.txt', [
      { text: '标题一 标题二' },
      { text: '副题' },
      { text: '导语。' },
      { text: '（一）强化源头治理。今年以来，全市排查隐患12处。' },
      { text: '（二）严查路面违法。全年查处违法行为300起。' },
    ]);
    expect(article.achievements.map((s) => [s.heading, s.paragraphs])).toEqual([
      ['强化源头治理', ['今年以来，全市排查隐患12处。']],
      ['严查路面违法', ['全年查处违法行为300起。']],
    ]);
  });
});

describe('labels come from the words next to each figure', () => {
  it.each([
    ['2022年共查处酒驾醉驾违法行为6862起，其中醉驾350起、二次酒驾488起。', ['查处酒驾醉驾违法行为', '醉驾', '二次酒驾']],
    ['全市道路交通事故起数、死亡人数同比分别下降11.5%、16.7%。', ['道路交通事故起数', '死亡人数']],
    ['聘任33名党风政风警风监督员，成立12123语音服务中心。', ['聘任党风政风警风监督员']],
    ['业务线上办理率原来为35%，现已提升至78%。', ['业务线上办理率']],
    ['城区主要路口机动车礼让行人率达到96%。', ['城区主要路口机动车礼让行人率']],
    ['全省仅5个单位获此殊荣。', ['全省单位获此殊荣']],
  ])('%s', (text, labels) => {
    expect(figuresOf([text]).metrics.map((m) => m.label)).toEqual(labels);
  });

  it('marks a figure with no words to name it for the editor, and never invents a name', () => {
    const [metric] = figuresOf(['查处违法行为450起，同比上升12.3%。']).metrics.slice(1);
    expect(metric).toMatchObject({ kind: 'change', direction: 'up', basis: '同比', label: 'TODO：这个数字统计的是什么（用原文的话）' });
    expect(metric!.id, 'an id is a public anchor: it must not read as chosen').toMatch(/^todo-metric/);
  });
});

describe('bad input: a message in Chinese naming the file, nothing written, content/ untouched', async () => {
  const dir = temp('bad');
  const write = (name: string, bytes: string | Uint8Array) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };
  const emptyDocx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ text: '' })] }] }));
  const tooManyAchievements = ['甲乙丙丁 戊己庚辛', '副题', '作者甲', '导语。', ...Array.from({ length: 100 }, (_, i) => `第${'一二三四五六七八九十'[i % 10]}节引题 标题${i}\n\n正文第${i}段，查处违法行为${i + 1}起。`)].join('\n\n');

  it.each([
    ['an empty file', () => write('empty.txt', ''), /empty\.txt：文件是空的/],
    ['a binary file', () => write('binary.txt', new Uint8Array([0x50, 0x00, 0x01, 0xff, 0x00])), /binary\.txt：不是文本文件/],
    ['a file that is not text in any encoding we know', () => write('latin.txt', new Uint8Array([0xc0, 0xc1, 0xff, 0xfe, 0xfd])), /latin\.txt：/],
    ['a .docx that is not a Word document', () => write('fake.docx', '这不是 Word 文档'), /fake\.docx：不是有效的 Word 文档/],
    ['a .docx without text', () => write('blank.docx', emptyDocx), /blank\.docx：Word 文档中没有文字/],
    ['an article with no recognisable sections', () => write('prose.txt', '今天天气很好，我们去公园散步。\n\n公园里有很多人，大家都很开心。'), /prose\.txt：找不到任何一节/],
    ['a file type the importer does not read', () => write('article.pdf', '%PDF-1.4'), /article\.pdf：只能导入/],
    ['a missing file', () => join(dir, 'missing.txt'), /missing\.txt：无法读取文件/],
    ['an article of more sections than an edition holds (its drafts fail the schema)', () => write('hundred.txt', tooManyAchievements), /content\/2031\/\S+\.mdx：导入结果不符合内容格式（order: order 最大为 99），未写入任何文件/],
  ])('%s', async (_, file, message) => {
    const content = temp('content');
    mkdirSync(join(content, '2022'));
    writeFileSync(join(content, '2022', 'edition.yaml'), 'year: 2022\n');
    const before = snapshot(content);
    const parent = readdirSync(join(content, '..')).filter((name) => name.startsWith('.import-'));
    const error = await importArticle(file(), { contentDir: content, year: 2031 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/\p{Script=Han}/u);
    expect(snapshot(content)).toEqual(before);
    expect(readdirSync(join(content, '..')).filter((name) => name.startsWith('.import-')), 'no staging folder left behind').toEqual(parent);
  });

  it('refuses a year that already exists without --force, and replaces it with --force', async () => {
    const content = temp('content');
    await importArticle(SOURCE_ARTICLE, { contentDir: content, year: 2031 });
    writeFileSync(join(content, '2031', 'edited.mdx'), '编辑改过的文件');
    const before = snapshot(content);
    await expect(importArticle(SOURCE_ARTICLE, { contentDir: content, year: 2031 })).rejects.toThrow(/2031\/ 已经存在：不会覆盖已有的年度。确实要重新导入，请加 --force/);
    expect(snapshot(content)).toEqual(before);
    await importArticle(SOURCE_ARTICLE, { contentDir: content, year: 2031, force: true });
    expect(existsSync(join(content, '2031', 'edited.mdx'))).toBe(false);
    expect(readdirSync(join(content, '2031'))).toHaveLength(11);
  });

  it('the command exits non-zero with the Chinese message and writes nothing; it prints the report when it succeeds', { timeout: 60_000 }, () => {
    const content = temp('content');
    const run = (...args: string[]) => spawnSync('node', ['scripts/import.ts', ...args], { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: content } });
    const failed = run(write('empty2.txt', ''));
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/导入失败：.*empty2\.txt：文件是空的/);
    expect(readdirSync(content)).toEqual([]);
    expect(run(SOURCE_ARTICLE, '--year', 'abc').stderr).toMatch(/--year “abc” 不是四位数的年份/);

    const done = run(SOURCE_ARTICLE, '--year', '2031');
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/找到 10 节/);
    expect(done.stdout).toMatch(/已转为指标的数字（30 个/);
    expect(done.stdout).toMatch(/“K637”：与字母连写的是编号/);
    expect(readdirSync(join(content, '2031')).sort()).toContain('edition.yaml');
  });
});

describe('drafts: TODO marks the build can list, and a published entry may not keep', () => {
  const draft = {
    draft: true,
    order: 1,
    slug: 'todo-dang-de-er-shi-da',
    kicker: '坚守忠诚岗哨',
    title: '党的二十大交通安保任务万无一失',
    summary: 'TODO：一句话概括本节',
    tags: ['TODO：主题标签'],
    headlineQuote: 'TODO：卡片上的短语',
  };

  it('lists each mark by its field', () => {
    expect(todosIn(draft).map((t) => t.path.join('.'))).toEqual(['slug', 'summary', 'tags.0', 'headlineQuote']);
  });

  it('accepts a draft with marks and rejects the same entry once draft is removed, naming each field', () => {
    expect(achievementSchema.safeParse(draft).success).toBe(true);
    const published = achievementSchema.safeParse({ ...draft, draft: false });
    expect(published.error?.issues.map((i) => i.path.join('.'))).toEqual(['slug', 'summary', 'tags.0', 'headlineQuote']);
    expect(published.error?.issues[1]!.message).toMatch(/summary 还是待填写的标记.*填好后才能删去 draft: true/);
  });

  it('tells the editor which files are drafts and what each lacks, figures still typed as text included', () => {
    const notice = draftsNotice([{ file: 'content/2031/a.mdx', data: draft, body: '查处<Metric id="x" />，其中醉驾350起。' }]);
    expect(notice).toMatch(/以下 1 个条目是草稿（draft: true），不会发布/);
    expect(notice).toMatch(/content\/2031\/a\.mdx，尚缺：/);
    expect(notice).toMatch(/- summary：TODO：一句话概括本节/);
    expect(notice).toMatch(/正文中的“350起”还是文字/);
    expect(figuresTypedIn('24小时值班，<Metric id="a" at="before" />，共12人')).toEqual(['12人']);
  });
});
