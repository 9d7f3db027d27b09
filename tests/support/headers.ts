/** One rule of a `_headers` file (Netlify / Cloudflare Pages format): a path pattern and its headers. */
export interface HeaderRule {
  pattern: string;
  headers: Record<string, string>;
}

/** Parse a `_headers` file: an unindented path line, then indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || colon < 0) throw new Error(`_headers: a header line outside a rule or without a colon: ${line.trim()}`);
    rule.headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/** The headers a path gets: every matching rule, later rules adding to earlier ones (`*` matches anything). */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const matching = rules.filter(({ pattern }) => new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`).test(path));
  return Object.assign({}, ...matching.map((rule) => rule.headers));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
