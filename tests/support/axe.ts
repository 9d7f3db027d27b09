import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** WCAG 2.0/2.1/2.2 A and AA, plus the structure rules a keyboard and screen-reader user relies on. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const STRUCTURE_RULES = ['heading-order', 'landmark-one-main', 'page-has-heading-one', 'region', 'skip-link', 'landmark-unique'];

/** axe's violations on the page as `rule: target…` lines; an empty list is a pass. */
export async function axeViolations(page: Page): Promise<string[]> {
  // evaluate() is not subject to the page's CSP, unlike an injected <script>.
  await page.evaluate(axe.source);
  const results = await page.evaluate(
    ([tags, rules]) =>
      (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: tags! },
        rules: Object.fromEntries(rules!.map((rule) => [rule, { enabled: true }])),
      }),
    [TAGS, STRUCTURE_RULES],
  );
  const structure = await page.evaluate(
    (rules) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'rule', values: rules } }),
    STRUCTURE_RULES,
  );
  return [...results.violations, ...structure.violations].map(
    (v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? ''})`).join('; ')}`,
  );
}
