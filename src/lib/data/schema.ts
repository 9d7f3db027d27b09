import { z } from 'astro/zod';
import { metricSchema } from '../../schema/metric';
import { METRIC_FIELDS, ACHIEVEMENT_FIELDS } from './fields';

const describe = (fields: readonly { key: string; description: string }[], key: string) => {
  const field = fields.find((f) => f.key === key);
  if (!field) throw new Error(`src/lib/data/fields.ts 缺少字段 “${key}” 的说明`);
  return field.description;
};

/** The entry's metric fields, each with its explanation from fields.ts, plus how the site prints it and where. */
const metricRecordSchema = metricSchema.safeExtend({
  ...Object.fromEntries(
    Object.entries(metricSchema.shape)
      .filter(([key]) => key !== 'before')
      .map(([key, schema]) => [key, schema.meta({ description: describe(METRIC_FIELDS, key) })]),
  ),
  before: metricSchema.shape.before.meta({ description: '前后对比的比率中较早的一点：value 前值，qualifier 前值限定词，label 原文对时点的说法，verb 原文陈述前值的动词，to 原文从前值到后值的用词。' }),
  display: z.string().meta({ description: describe(METRIC_FIELDS, 'display') }),
  url: z.url().meta({ description: describe(METRIC_FIELDS, 'url') }),
});

const achievementRecordSchema = z
  .object({
    ...Object.fromEntries(ACHIEVEMENT_FIELDS.map(({ key, description }) => [key, (key === 'kicker' || key === 'title' || key === 'slug' ? z.string() : z.int()).meta({ description })])),
    url: z.url().meta({ description: '本节网页的永久链接。' }),
    metrics: z.array(metricRecordSchema).meta({ description: '本节的全部数据，按原文出现的顺序。' }),
  })
  .strict();

/** The published data file (data.json of an achievement or of the edition). */
export const dataFileSchema = z
  .object({
    $schema: z.url(),
    recap: z
      .object({
        year: z.int(),
        title: z.string(),
        subtitle: z.string(),
        authors: z.array(z.string()),
        source: z.string().meta({ description: '来源说明，转载时请保留。' }),
        url: z.url(),
      })
      .strict()
      .meta({ description: '所属的年度实事总结。' }),
    sections: z.array(achievementRecordSchema).meta({ description: '各节，按原文顺序；单节的 data.json 只有一节。' }),
  })
  .strict();

/** The JSON Schema (draft 2020-12) published at /data/schema.json. */
export function dataJsonSchema(id: string): Record<string, unknown> {
  return {
    ...z.toJSONSchema(dataFileSchema, { target: 'draft-2020-12' }),
    $id: id,
    title: '枣庄公安交警年度实事：开放数据',
    description: '各节数据（data.json）的结构。数值须与限定词一起读：余、多、超过＝多于，以上＝不少于，不足＝少于，近＝接近但不到，约＝约数；change 是变化幅度，不是水平值，原文未给基数。',
  };
}
