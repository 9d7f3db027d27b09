import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { DESKTOP, launchBrowser, PHONE } from '../support/browser';
import { buildWithContent, contentFolder } from '../support/build';
import { builtDocument, builtPage } from '../support/dist';
import { serveStatic } from '../support/server';

// A production build: a public SITE_URL. Every SITE_* setting is named so the tester's own shell
// cannot leak one in; an empty variable counts as unset.
const PRODUCTION = { SITE_URL: 'https://jj.example.gov.cn' };
const NONE = { SITE_ORGANIZER: '', SITE_GOVERNMENT_SITE_CODE: '', SITE_ICP_RECORD: '', SITE_PUBLIC_SECURITY_RECORD: '' };
const PAGES = ['/', '/2022/', '/2022/drunk-driving/', '/2022/full/', '/search/', '/404.html'];
const WARNING = '以下网站主办信息未设置';

const footerItems = (dist: string, path: string) =>
  builtDocument(path, dist)
    .querySelectorAll('footer .publisher li')
    .map((li) => {
      const a = li.querySelector('a');
      return a ? { text: li.textContent, href: a.getAttribute('href'), rel: a.getAttribute('rel'), target: a.getAttribute('target') } : { text: li.textContent };
    });
const jsonLd = (dist: string, path: string) => JSON.parse(builtDocument(path, dist).querySelector('script[type="application/ld+json"]')!.textContent);

describe('with the publisher’s settings given (the file, one field overridden and one added by environment variables)', () => {
  const build = buildWithContent(
    contentFolder([
      { from: 'content/2022', to: '2022' },
      { from: 'tests/fixtures/publisher/publisher.yaml', to: 'publisher.yaml' },
    ]),
    { env: { ...PRODUCTION, ...NONE, SITE_ORGANIZER: '测试主办单位', SITE_PUBLIC_SECURITY_RECORD: '鲁公网安备37040000000001号' } },
  );

  it('builds, with no warning about unset settings', () => {
    expect(build.ok, build.output).toBe(true);
    expect(build.output).not.toContain(WARNING);
  });

  it.each(PAGES)('%s: the footer shows 主办单位, 网站标识码, ICP and 公网安备 in that order, the numbers linked to their filing sites', (path) => {
    expect(footerItems(build.outDir, path)).toEqual([
      { text: '主办单位：测试主办单位' },
      { text: '网站标识码：3704000000' },
      { text: '鲁ICP备00000001号-1', href: 'https://beian.miit.gov.cn/', rel: 'noreferrer', target: '_blank' },
      { text: '鲁公网安备37040000000001号', href: 'https://beian.mps.gov.cn/#/query/webSearch?code=37040000000001', rel: 'noreferrer', target: '_blank' },
    ]);
  });

  it('names the 主办单位 as the JSON-LD publisher of a section and of the edition', () => {
    for (const path of ['/2022/drunk-driving/', '/2022/']) expect(jsonLd(build.outDir, path).publisher).toEqual({ '@type': 'Organization', name: '测试主办单位' });
  });

  it('keeps the pages valid HTML', async () => {
    const validator = new HtmlValidate(new StaticConfigLoader({ extends: ['html-validate:recommended'] }));
    for (const path of PAGES) {
      const report = await validator.validateString(builtPage(path, build.outDir), path);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${path} ${m.ruleId} ${m.message}`))).toEqual([]);
    }
  });

  it('keeps the footer accessible and within a phone’s width, in both colour schemes', async () => {
    const [site, browser] = await Promise.all([serveStatic(build.outDir), launchBrowser()]);
    try {
      for (const [options, colorScheme] of [
        [PHONE, 'light'],
        [DESKTOP, 'dark'],
      ] as const) {
        const context = await browser.newContext({ ...options, colorScheme });
        const page = await context.newPage();
        await page.goto(`${site.origin}/2022/drunk-driving/`);
        expect(await axeViolations(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await context.close();
      }
    } finally {
      await browser.close();
      await site.close();
    }
  });
});

describe('with none of them given', () => {
  const content = contentFolder([{ from: 'content/2022', to: '2022' }]);
  const cacheDir = mkdtempSync(join(tmpdir(), 'zz-cache-'));
  const build = buildWithContent(content, { cacheDir, env: { ...PRODUCTION, ...NONE } });

  it('builds, and the production build warns, listing every unset setting', () => {
    expect(build.ok, build.output).toBe(true);
    expect(build.output).toContain(WARNING);
    for (const field of ['主办单位', '政府网站标识码', 'ICP备案号', '公安机关互联网站备案号']) expect(build.output).toMatch(new RegExp(`- ${field}（\\S*publisher\\.yaml 的 \\w+，或环境变量 SITE_\\w+）`));
  });

  it.each(PAGES)('%s: shows no identity line, no empty label, and no JSON-LD publisher', (path) => {
    const page = builtPage(path, build.outDir);
    expect(builtDocument(path, build.outDir).querySelector('footer .publisher')).toBeNull();
    for (const label of ['主办单位', '网站标识码', 'ICP备', '公网安备', 'beian.']) expect(page).not.toContain(label);
    if (path !== '/404.html' && path !== '/search/') expect(jsonLd(build.outDir, path)).not.toHaveProperty('publisher');
  });

  it('shows one on the next build once it is set, though no entry changed (the incremental build must not copy the old pages)', () => {
    const rebuilt = buildWithContent(content, { cacheDir, env: { ...PRODUCTION, ...NONE, SITE_ICP_RECORD: '鲁ICP备00000001号-1' } });
    expect(rebuilt.ok, rebuilt.output).toBe(true);
    for (const path of PAGES) expect(footerItems(rebuilt.outDir, path).map((item) => item.text)).toEqual(['鲁ICP备00000001号-1']);
  });
});

describe('a malformed setting', () => {
  it('stops the build, naming the file and the field', () => {
    const content = contentFolder([{ from: 'content/2022', to: '2022' }]);
    const build = buildWithContent(content, { env: { ...NONE, SITE_ICP_RECORD: '鲁ICP备00000001' } });
    expect(build.ok).toBe(false);
    expect(build.output).toContain('环境变量 SITE_ICP_RECORD：ICP备案号应形如');
  });
});
