import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isPublicSite, publisherItems, readPublisher, unsetPublisherWarning, withPublisher } from '@/lib/publisher';

// Fictional settings of the right shape: the real owners have not given theirs.
const FILE = 'content/publisher.yaml';
const ALL = {
  organizer: '测试主办单位',
  governmentSiteCode: '3704000000',
  icpRecord: '鲁ICP备00000001号-1',
  publicSecurityRecord: '鲁公网安备37040000000001号',
};
const yamlOf = (fields: Record<string, string>) => Object.entries(fields).map(([key, value]) => `${key}: ${value}`).join('\n');
const read = (fileText: string | undefined, env: Record<string, string | undefined> = {}) => readPublisher({ file: FILE, fileText, env });

describe('the publisher’s settings', () => {
  it('are all unset with no file, and with the file the project ships (comments only)', () => {
    expect(read(undefined)).toEqual({});
    expect(read(readFileSync(new URL('../../content/publisher.yaml', import.meta.url), 'utf8'))).toEqual({});
  });

  it('come from the file', () => expect(read(yamlOf(ALL))).toEqual(ALL));

  it('take an environment variable over the file’s field, and ignore an empty one', () => {
    const publisher = read(yamlOf(ALL), { SITE_ORGANIZER: '另一个主办单位', SITE_ICP_RECORD: '' });
    expect(publisher).toEqual({ ...ALL, organizer: '另一个主办单位' });
    expect(read(undefined, { SITE_PUBLIC_SECURITY_RECORD: ALL.publicSecurityRecord })).toEqual({ publicSecurityRecord: ALL.publicSecurityRecord });
  });

  it.each([
    ['icpRecord: 鲁ICP备00000001', /content\/publisher\.yaml 的 icpRecord：ICP备案号应形如/],
    ['icpRecord: ICP备00000001号', /content\/publisher\.yaml 的 icpRecord：ICP备案号应形如/],
    ['publicSecurityRecord: 鲁公网安备号', /content\/publisher\.yaml 的 publicSecurityRecord：公安机关互联网站备案号应形如/],
    ['governmentSiteCode: 37040000', /content\/publisher\.yaml 的 governmentSiteCode：政府网站标识码应为 10 位/],
    ['organizer: ""', /content\/publisher\.yaml 的 organizer：主办单位不能为空/],
    ['organiser: 测试主办单位', /content\/publisher\.yaml：不认识的设置项 organiser/],
    ['icpRecord: [鲁ICP备00000001号]', /content\/publisher\.yaml 的 icpRecord：ICP备案号必须是文字/],
    ['icpRecord: "鲁ICP备', /content\/publisher\.yaml：YAML 写法有误/],
    ['- 测试主办单位', /content\/publisher\.yaml：应是“字段: 值”的列表/],
  ])('reject %s in the file, naming the file and the field', (yaml, message) => {
    expect(() => read(yaml)).toThrow(message);
  });

  it('reject a malformed environment variable, naming it', () => {
    expect(() => read(undefined, { SITE_ICP_RECORD: '00000001' })).toThrow(/环境变量 SITE_ICP_RECORD：ICP备案号应形如/);
  });
});

describe('the footer’s identity line', () => {
  it('shows 主办单位, 网站标识码, ICP and 公网安备 in that order, the filing numbers linked to their filing sites', () => {
    expect(publisherItems(ALL)).toEqual([
      { text: '主办单位：测试主办单位' },
      { text: '网站标识码：3704000000' },
      { text: '鲁ICP备00000001号-1', href: 'https://beian.miit.gov.cn/' },
      { text: '鲁公网安备37040000000001号', href: 'https://beian.mps.gov.cn/#/query/webSearch?code=37040000000001' },
    ]);
  });

  it('shows only what is set, and nothing when nothing is', () => {
    expect(publisherItems({ icpRecord: ALL.icpRecord }).map((item) => item.text)).toEqual([ALL.icpRecord]);
    expect(publisherItems({ publicSecurityRecord: '鲁公网安备 37040000000001号' })[0]?.href).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=37040000000001');
    expect(publisherItems({})).toEqual([]);
  });
});

describe('the JSON-LD publisher', () => {
  const article = { '@type': 'NewsArticle', headline: '标题' };
  it('is the 主办单位 as an Organization', () =>
    expect(withPublisher(article, { organizer: '测试主办单位', icpRecord: ALL.icpRecord })).toEqual({ ...article, publisher: { '@type': 'Organization', name: '测试主办单位' } }));
  it('is absent without a 主办单位', () => expect(withPublisher(article, { icpRecord: ALL.icpRecord })).toEqual(article));
});

describe('the production build’s warning', () => {
  it('lists each unset setting with its file field and variable', () => {
    const warning = unsetPublisherWarning({ organizer: '测试主办单位', icpRecord: ALL.icpRecord }, FILE)!;
    expect(warning.split('\n').slice(1)).toEqual([
      '  - 政府网站标识码（content/publisher.yaml 的 governmentSiteCode，或环境变量 SITE_GOVERNMENT_SITE_CODE）',
      '  - 公安机关互联网站备案号（content/publisher.yaml 的 publicSecurityRecord，或环境变量 SITE_PUBLIC_SECURITY_RECORD）',
    ]);
  });
  it('is not given when everything is set', () => expect(unsetPublisherWarning(ALL, FILE)).toBeUndefined());
  it('is for public addresses only', () => {
    expect(isPublicSite(new URL('https://jj.example.gov.cn/'))).toBe(true);
    expect(isPublicSite(new URL('http://localhost:4321'))).toBe(false);
    expect(isPublicSite(new URL('http://127.0.0.1:8080/'))).toBe(false);
    expect(isPublicSite(undefined)).toBe(false);
  });
});
