import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clausesMissingFrom, clausesOf } from '@/lib/own-words';
import { plainTextOf } from '../support/plain-text';
import { achievementSchema } from '@/schema/achievement';
import { SLUGS } from '../support/achievements';
import { normaliseText, readSourceArticle } from '../support/source';

const EDITION_DIR = new URL('../../content/2022/', import.meta.url);
const source = readSourceArticle();
const entries = readdirSync(EDITION_DIR)
  .filter((f) => f.endsWith('.mdx'))
  .map((file) => {
    const [, frontmatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(new URL(file, EDITION_DIR), 'utf8'))!;
    const data = achievementSchema.parse(parse(frontmatter!));
    return { file, data, text: plainTextOf(body, data.metrics, file) };
  });

describe('a summary is its section’s own words', () => {
  it('splits at commas, full stops and semicolons, either width', () => {
    expect(clausesOf('把党的二十大交通安保作为压倒一切的政治任务,为党的二十大胜利召开创造了安全、有序、畅通的道路交通环境；实现了“大事不出、小事也不出”。')).toEqual([
      '把党的二十大交通安保作为压倒一切的政治任务',
      '为党的二十大胜利召开创造了安全、有序、畅通的道路交通环境',
      '实现了“大事不出、小事也不出”',
    ]);
  });

  it.each([
    ['a word replaced', '为大会胜利召开创造了安全、有序、畅通的道路交通环境。', 'congress-security'],
    ['words cut from inside a clause', '支队班子成员每天带领机关民警下沉路面一线。', 'civilized-city'],
    ['two stretches fused', '打赢京台高速K637—K642恶劣天气高影响路段优化提升攻坚战。', 'severe-weather-road'],
    ['the headline passed off as text', '执法管理服务更加精细规范。', 'enforcement-oversight'],
  ])('finds %s', (_, summary, slug) => {
    const { text } = entries.find((e) => e.data.slug === slug)!;
    expect(clausesMissingFrom(summary, text)).toEqual([clausesOf(summary)[0]]);
  });

  it.each(entries.map((e) => [e.data.slug, e] as const))('%s: every clause of its summary stands in its text and in the source', (slug, { data, text }) => {
    expect(clausesMissingFrom(data.summary, text)).toEqual([]);
    expect(clausesMissingFrom(data.summary, normaliseText(source.achievements[SLUGS.indexOf(slug)]!.text))).toEqual([]);
  });
});
