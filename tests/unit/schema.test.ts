import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { achievementSchema } from '@/schema/achievement';
import { editionSchema } from '@/schema/edition';
import { failuresShown, loadFailureOf, schemaAware, schemaDigest } from '@/schema/loader';

const EDITION_DIR = new URL('../../content/2022/', import.meta.url);
const entries = readdirSync(EDITION_DIR).filter((f) => f.endsWith('.mdx'));
const frontmatterOf = (file: string) => parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(new URL(file, EDITION_DIR), 'utf8'))![1]!);
const drunkDriving = () => frontmatterOf('drunk-driving.mdx');

/** The field paths and messages of a rejected entry, as an editor would read them. */
function problems(data: unknown): string[] {
  const result = achievementSchema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('the 2022 entries', () => {
  it('has the ten sections', () => expect(entries).toHaveLength(10));

  it.each(entries)('%s passes the schema', (file) => {
    expect(problems(frontmatterOf(file))).toEqual([]);
  });

  it.each(entries)('%s: each period is the source’s words, written before its figure in the same sentence', (file) => {
    const text = readFileSync(new URL(file, EDITION_DIR), 'utf8').split(/\n---\n/)[1]!;
    for (const metric of frontmatterOf(file).metrics ?? []) {
      if (!metric.period) continue;
      const at = text.indexOf(`<Metric id="${metric.id}"`);
      const sentence = text.slice(Math.max(text.lastIndexOf('。', at), text.lastIndexOf('；', at)) + 1, at);
      expect(sentence, metric.id).toContain(metric.period);
    }
  });

  it('edition.yaml passes the schema', () => {
    expect(editionSchema.safeParse(parse(readFileSync(new URL('edition.yaml', EDITION_DIR), 'utf8'))).success).toBe(true);
  });
});

describe('the schema rejects an editor’s mistakes, naming the field', () => {
  it.each([
    ['a figure typed as text', (d: any) => (d.metrics[0].value = '6862起'), /^metrics\.0\.value: value 必须是数字/],
    ['a missing title', (d: any) => delete d.title, /^title: title 必须填写/],
    ['an order out of range', (d: any) => (d.order = 100), /^order: order 最大为 99/],
    ['an unknown qualifier', (d: any) => (d.metrics[0].qualifier = '左右'), /^metrics\.0\.qualifier: qualifier 只能是/],
    ['an unknown unit', (d: any) => (d.metrics[0].unit = '吨'), /^metrics\.0\.unit: unit 不在允许的单位之列/],
    ['a duplicate metric id', (d: any) => (d.metrics[1].id = d.metrics[0].id), /^metrics\.1\.id: metrics 中 id “drink-cases” 重复/],
    ['a change without direction', (d: any) => delete d.metrics[3].direction, /^metrics\.3\.direction: kind: change 需要 direction/],
    ['a headline naming no metric', (d: any) => (d.headlineMetric = 'drink-case'), /^headlineMetric: headlineMetric 指向不存在的指标 “drink-case”/],
    ['a figure typed into the summary', (d: any) => (d.summary = '查处酒驾醉驾6862起。'), /^summary: summary 不能含统计数字“6862起”（数字带量词或百分号，是统计数字）/],
    ['a number with no name or unit typed into the summary', (d: any) => (d.summary = '共查处酒驾醉驾6862。'), /^summary: summary 不能含统计数字“6862”/],
    ['an amount of time typed as a figure', (d: any) => (d.summary = '值班24小时。'), /^summary: summary 不能含统计数字“24小时”/],
    ['hours as a metric unit', (d: any) => (d.metrics[0].unit = '小时'), /^metrics\.0\.unit: unit 不在允许的单位之列/],
    ['a figure in a period', (d: any) => (d.metrics[0].period = '近3个月'), /^metrics\.0\.period: period 不能含统计数字“3个”/],
    ['a figure both a kind and left open', (d: any) => (d.metrics[1].continues = 'drink-cases'), /^metrics\.1\.continues: partOf 与 continues 不能同时填写/],
    ['a figure continuing a total with no kinds', (d: any) => (d.metrics[4].continues = 'exposed-drivers'), /^metrics\.4\.continues: continues 指向的 “exposed-drivers” 不是一个带“其中”各项（partOf）的指标/],
    ['a misspelt field', (d: any) => (d.titel = d.title), /^: 不认识的字段 “titel”：是拼写错误吗？/],
    ['a misspelt field of a metric', (d: any) => (d.metrics[0].lable = '查处'), /^metrics\.0: 不认识的字段 “lable”/],
    ['a list written as one word (Zod’s own message, in Chinese)', (d: any) => (d.tags = '酒驾'), /^tags: 无效输入：期望 数组/],
  ])('%s', (_, mutate, message) => {
    const data = drunkDriving();
    mutate(data);
    expect(problems(data).join('\n')).toMatch(message);
  });
});

describe('numbers that are part of a name or phrase are text, not figures', () => {
  it.each([
    ['a year', '2022年共查处酒驾醉驾违法行为。'],
    ['a hotline', '成立12123语音服务中心。'],
    ['road markers', '反复踏勘京台高速K637—K642恶劣天气高影响路段。'],
    ['a model’s name', '积极探索“1+3+N”党建模式。'],
    ['round-the-clock duty', '严格落实24小时值班和“领导双值班”制度。'],
  ])('%s in a summary', (_, summary) => {
    expect(problems({ ...drunkDriving(), summary })).toEqual([]);
  });
});

describe('a before/after rate carries the source’s verbs', () => {
  const rate = () => frontmatterOf('transport-companies.mdx');

  it('without them it is refused', () => {
    const data = rate();
    delete data.metrics[0].before.to;
    expect(problems(data).join('\n')).toMatch(/^metrics\.0\.before\.to: before\.to 必须填写原文的用词/);
  });

  it('a verb that contradicts the numbers is refused', () => {
    const data = rate();
    data.metrics[0].before.to = '提升至';
    expect(problems(data).join('\n')).toMatch(/^metrics\.0\.before\.to: before\.to “提升至” 与数值不符：前值 26\.93，后值 4\.42/);
  });
});

describe('the schema rejects charts that name unknown metrics or mix what cannot share an axis', () => {
  const withChart = (chart: object) => ({ ...drunkDriving(), charts: [chart] });
  it.each([
    ['an unknown metric', { id: 'c', type: 'bar', metrics: ['drink-cases', 'drunken'], title: '图' }, /^charts\.0\.metrics\.1: charts 指向不存在的指标 “drunken”/],
    ['人 and 起 on one axis', { id: 'c', type: 'bar', metrics: ['exposed-drivers', 'typical-cases'], title: '图' }, /^charts\.0\.type: .*单位必须相同（现有 人、起）/],
    ['a change drawn with counts', { id: 'c', type: 'bar', metrics: ['drink-cases', 'alcohol-accidents'], title: '图' }, /^charts\.0\.type: .*bar 只画 kind: count/],
    ['a count drawn as a change', { id: 'c', type: 'change', metrics: ['alcohol-accidents', 'drunk'], title: '图' }, /^charts\.0\.type: .*change 只画 kind: change/],
    ['a before-after chart of a count', { id: 'c', type: 'before-after', metrics: ['drink-cases'], title: '图' }, /^charts\.0\.type: .*before-after 只画带 before 的比例/],
    ['an unknown chart type', { id: 'c', type: 'pie', metrics: ['drink-cases'], title: '图' }, /^charts\.0\.type: type 只能是/],
    ['a figure typed into a chart title', { id: 'c', type: 'figures', metrics: ['drink-cases'], title: '查处6862起' }, /^charts\.0\.title: title 不能含统计数字“6862起”/],
  ])('%s', (_, chart, message) => {
    expect(problems(withChart(chart)).join('\n')).toMatch(message);
  });

  it('a figure the source leaves open, drawn on any chart', () => {
    const data = frontmatterOf('civilized-city.mdx');
    data.charts[1].metrics.push('penalized');
    expect(problems(data).join('\n')).toMatch(/^charts\.1\.type: charts\.1（patrols）：指标 “penalized” 带 continues：原文未说明它是否属于“其中”/);
    data.charts[1] = { id: 'c', type: 'figures', metrics: ['penalized'], title: '图' };
    expect(problems(data).join('\n')).toMatch(/指标 “penalized” 带 continues/);
  });

  it('a chart id used twice', () => {
    const chart = { id: 'c', type: 'figures', metrics: ['drink-cases'], title: '图' };
    expect(problems({ ...drunkDriving(), charts: [chart, chart] }).join('\n')).toMatch(/^charts\.1\.id: charts 中 id “c” 重复/);
  });

  it('changes with and without 同比 on one chart', () => {
    const data = frontmatterOf('severe-weather-road.mdx');
    data.metrics[0].basis = '同比';
    expect(problems(data).join('\n')).toMatch(/^charts\.0\.type: .*比较基期必须相同/);
  });
});

describe('a schema change reaches the next build without --force', () => {
  // The loader's view of Astro's content cache: one collection's entries and its key-value notes.
  function cache() {
    const entries = new Map<string, unknown>([['2022/drunk-driving', { title: 'parsed by the old schema' }]]);
    const notes = new Map<string, string>();
    return {
      entries,
      context: {
        store: { clear: () => entries.clear() },
        meta: { get: (key: string) => notes.get(key), set: (key: string, value: string) => void notes.set(key, value) },
      } as unknown as LoaderContext,
    };
  }
  const loads: string[] = [];
  const glob = { name: 'glob', load: async () => void loads.push('load') };

  it('forgets the parsed entries when the schema source differs from the last build’s', async () => {
    const { entries, context } = cache();
    let source = 'v1';
    const loader = schemaAware(glob, './content', () => source);
    await loader.load(context);
    expect(entries.size).toBe(0);
    entries.set('2022/drunk-driving', { title: 'parsed by v1' });
    await loader.load(context);
    expect(entries.size, 'same schema: the cache is kept').toBe(1);
    source = 'v2';
    await loader.load(context);
    expect(entries.size, 'new schema: every entry is parsed again').toBe(0);
    expect(loads).toHaveLength(3);
  });

  it('forgets the parsed entries when they were read from another content folder', async () => {
    const { entries, context } = cache();
    await schemaAware(glob, '/tmp/zz-content-1', () => 'v1').load(context);
    entries.set('2022/drunk-driving', { filePath: '../../tmp/zz-content-1/2022/drunk-driving.mdx' });
    await schemaAware(glob, './content', () => 'v1').load(context);
    expect(entries.size, 'the entry that names the other folder’s file is parsed again').toBe(0);
  });

  it('digests every module of src/schema/', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zz-schema-'));
    for (const file of readdirSync('src/schema')) writeFileSync(join(dir, file), readFileSync(join('src/schema', file)));
    const before = schemaDigest(dir);
    expect(schemaDigest(), 'by default, the folder the loader sits in').toBe(before);
    writeFileSync(join(dir, 'metric.ts'), `${readFileSync(join(dir, 'metric.ts'), 'utf8')}\n// edited`);
    expect(schemaDigest(dir)).not.toBe(before);
  });
});

describe('an entry that cannot be loaded under astro dev', () => {
  const root = new URL('file:///site/');
  const mdx = { getEntryInfo: async ({ contents }: { contents: string; fileUrl: URL }) => ({ data: parse(/^---\n([\s\S]*?)\n---/.exec(contents)![1]!), body: '' }) };
  /** A glob loader reduced to what matters here: it reads one file with the entry type, parses its data and stores it. */
  function loaderOf(contents: string) {
    const stored = new Map<string, unknown>();
    const loader = {
      name: 'glob',
      load: async (context: LoaderContext) => {
        const { entryTypes } = context as LoaderContext & { entryTypes: Map<string, typeof mdx> };
        const filePath = '/site/content/2022/drunk-driving.mdx';
        const { data } = await entryTypes.get('.mdx')!.getEntryInfo({ contents, fileUrl: new URL(filePath, root) });
        stored.set('2022/drunk-driving', await context.parseData({ id: '2022/drunk-driving', data, filePath }));
      },
    };
    return { stored, loader: failuresShown(loader, achievementSchema) };
  }
  const contextOf = (watching: boolean) =>
    ({
      config: { root },
      watcher: watching ? {} : undefined,
      entryTypes: new Map([['.mdx', mdx]]),
      parseData: async ({ data }: { data: unknown }) => {
        const result = achievementSchema.safeParse(data);
        if (!result.success) throw new Error('data does not match collection schema');
        return result.data;
      },
    }) as unknown as LoaderContext;
  const file = (frontmatter: string) => `---\n${frontmatter}\n---\n正文。`;
  const good = readFileSync(new URL('drunk-driving.mdx', EDITION_DIR), 'utf8');

  it('is kept with its error, naming the file and the field, when the schema rejects it', async () => {
    const { stored, loader } = loaderOf(good.replace('headlineMetric: drink-cases', 'headlineMetric: drink-casez'));
    await loader.load(contextOf(true));
    expect(loadFailureOf(stored.get('2022/drunk-driving') as object)).toMatch(/^content\/2022\/drunk-driving\.mdx: headlineMetric: headlineMetric 指向不存在的指标 “drink-casez”/);
  });

  it('is kept with its error, naming the file, when its YAML does not parse', async () => {
    const broken = { getEntryInfo: () => Promise.reject(Object.assign(new Error('bad indentation of a mapping entry'), { loc: { line: 3 } })) };
    const { stored, loader } = loaderOf(file('title: "x'));
    const context = contextOf(true);
    (context as unknown as { entryTypes: Map<string, unknown> }).entryTypes.set('.mdx', broken);
    await loader.load(context);
    expect(loadFailureOf(stored.get('2022/drunk-driving') as object)).toBe(
      'content/2022/drunk-driving.mdx: 文件无法读取，第 3 行附近格式有误（bad indentation of a mapping entry）：检查开头设置（YAML）的缩进、冒号后的空格和成对的引号，以及正文中 <Metric id="…" /> 的写法',
    );
  });

  it('loads as before when nothing is wrong', async () => {
    const { stored, loader } = loaderOf(good);
    await loader.load(contextOf(true));
    expect(loadFailureOf(stored.get('2022/drunk-driving') as object)).toBeUndefined();
    expect(stored.get('2022/drunk-driving')).toMatchObject({ slug: 'drunk-driving' });
  });

  it('still stops a build (no watcher)', async () => {
    const { loader } = loaderOf(good.replace('headlineMetric: drink-cases', 'headlineMetric: drink-casez'));
    await expect(loader.load(contextOf(false))).rejects.toThrow(/does not match/);
  });
});
