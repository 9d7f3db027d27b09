import { parse } from 'yaml';
import { PUBLIC_SECURITY_RECORD, publisherSchema, type Publisher } from '../schema/publisher';

export type { Publisher };

/** The settings file, relative to the content folder (content/ or CONTENT_DIR). */
export const PUBLISHER_FILE = 'publisher.yaml';

/**
 * The settings in the order a Chinese government site's footer shows them (www.gov.cn: 主办单位,
 * 网站标识码, ICP备案号, 公网安备号), each with the environment variable that overrides the file.
 */
export const PUBLISHER_FIELDS = [
  { key: 'organizer', label: '主办单位', env: 'SITE_ORGANIZER' },
  { key: 'governmentSiteCode', label: '政府网站标识码', env: 'SITE_GOVERNMENT_SITE_CODE' },
  { key: 'icpRecord', label: 'ICP备案号', env: 'SITE_ICP_RECORD' },
  { key: 'publicSecurityRecord', label: '公安机关互联网站备案号', env: 'SITE_PUBLIC_SECURITY_RECORD' },
] as const satisfies readonly { key: keyof Publisher; label: string; env: string }[];

/** The MIIT filing site, where every ICP number must link to. */
export const MIIT_FILING_SITE = 'https://beian.miit.gov.cn/';

/**
 * The record of a 公网安备 number on the public-security filing platform, at the address its own
 * “copy the code” snippet gives (the older www.beian.gov.cn/portal/registerSystemInfo links redirect there).
 */
export function publicSecurityRecordUrl(record: string): string {
  const digits = PUBLIC_SECURITY_RECORD.exec(record)?.[1];
  if (!digits) throw new Error(`公安机关互联网站备案号“${record}”中没有备案编号`);
  return `https://beian.mps.gov.cn/#/query/webSearch?code=${digits}`;
}

/**
 * The publisher's settings: the file's fields, each replaced by its environment variable when that
 * is set and not empty. `file` is how errors name the file (content/publisher.yaml); `fileText` is
 * undefined when there is no file. Throws, in Chinese, naming the file or variable and the field.
 */
export function readPublisher({ file, fileText, env }: { file: string; fileText: string | undefined; env: Record<string, string | undefined> }): Publisher {
  let fromFile: unknown;
  try {
    // Every value is text: an unquoted 3704000000 or 0123 stays as written, not a number.
    fromFile = fileText === undefined ? {} : (parse(fileText, { schema: 'failsafe' }) ?? {});
  } catch (error) {
    throw new Error(`${file}：YAML 写法有误：${(error as Error).message}`);
  }
  if (typeof fromFile !== 'object' || Array.isArray(fromFile)) throw new Error(`${file}：应是“字段: 值”的列表`);
  const checked = publisherSchema.safeParse(fromFile);
  if (!checked.success) throw new Error(issuesOf(checked.error.issues, file, (field) => `${file} 的 ${field}`));

  const fromEnv = Object.fromEntries(PUBLISHER_FIELDS.flatMap(({ key, env: name }) => (env[name]?.trim() ? [[key, env[name]]] : [])));
  const overridden = publisherSchema.safeParse({ ...checked.data, ...fromEnv });
  if (!overridden.success) {
    const variable = (key: string) => `环境变量 ${PUBLISHER_FIELDS.find((f) => f.key === key)!.env}`;
    throw new Error(issuesOf(overridden.error.issues, file, variable));
  }
  return overridden.data;
}

function issuesOf(issues: readonly { path: PropertyKey[]; message: string }[], file: string, where: (field: string) => string): string {
  return issues.map((issue) => `${issue.path.length > 0 ? where(String(issue.path[0])) : file}：${issue.message}`).join('\n');
}

/** A footer item: the text, and where it links when it links. */
export interface PublisherItem {
  text: string;
  href?: string;
}

/** The footer's identity line: only what is set, in the conventional order; empty when nothing is. */
export function publisherItems(publisher: Publisher): PublisherItem[] {
  const { organizer, governmentSiteCode, icpRecord, publicSecurityRecord } = publisher;
  return [
    organizer && { text: `主办单位：${organizer}` },
    governmentSiteCode && { text: `网站标识码：${governmentSiteCode}` },
    icpRecord && { text: icpRecord, href: MIIT_FILING_SITE },
    publicSecurityRecord && { text: publicSecurityRecord, href: publicSecurityRecordUrl(publicSecurityRecord) },
  ].filter((item): item is PublisherItem => Boolean(item));
}

/** JSON-LD with the 主办单位 as its publisher; unchanged when no 主办单位 is set. */
export function withPublisher(data: object, publisher: Publisher): object {
  return publisher.organizer ? { ...data, publisher: { '@type': 'Organization', name: publisher.organizer } } : data;
}

/** A public address: the production build. localhost and 127.0.0.1 are a developer's or a test's. */
export function isPublicSite(site: URL | undefined): boolean {
  return site !== undefined && !['localhost', '127.0.0.1', '[::1]'].includes(site.hostname);
}

/** The production build's warning, when some settings are unset; undefined when all are set. */
export function unsetPublisherWarning(publisher: Publisher, file: string): string | undefined {
  const unset = PUBLISHER_FIELDS.filter(({ key }) => !publisher[key]);
  if (unset.length === 0) return undefined;
  const lines = unset.map(({ key, label, env }) => `  - ${label}（${file} 的 ${key}，或环境变量 ${env}）`);
  return [`以下网站主办信息未设置，页脚和结构化数据中不会出现（不影响构建）：`, ...lines].join('\n');
}
