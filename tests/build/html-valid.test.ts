import { describe, expect, it } from 'vitest';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { builtPage, builtPages } from '../support/dist';

const validator = new HtmlValidate(new StaticConfigLoader({ extends: ['html-validate:recommended'] }));

describe('every built page is valid HTML', () => {
  it.each(builtPages())('%s', async (path) => {
    const report = await validator.validateString(builtPage(path), path);
    const errors = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`));
    expect(errors).toEqual([]);
  });
});
