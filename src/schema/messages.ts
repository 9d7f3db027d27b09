import { z } from 'astro/zod';

/*
 * Editors read every schema error, so Zod's own messages (a wrong type, a missing value) come in
 * Chinese too, and a misspelt field, which Zod reports with an empty path, is named in the message.
 * Imported by every schema module for this side effect, so unit tests see the same messages.
 */
z.config({
  ...z.locales.zhCN(),
  customError: (issue) =>
    issue.code === 'unrecognized_keys'
      ? `不认识的字段 ${issue.keys.map((key) => `“${key}”`).join('、')}：是拼写错误吗？可用的字段见 docs/编辑指南.md`
      : undefined,
});
