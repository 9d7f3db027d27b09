import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, type HTMLElement } from 'node-html-parser';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The built HTML of a public path such as /2022/drunk-driving/. */
export function builtPage(path: string, dist = DIST): string {
  const file = path.endsWith('/') ? `${dist}${path.slice(1)}index.html` : `${dist}${path.slice(1)}`;
  if (!existsSync(file)) throw new Error(`no built page for ${path} (${file})`);
  return readFileSync(file, 'utf8');
}

/** The built page as a document to query. */
export function builtDocument(path: string, dist = DIST): HTMLElement {
  return parse(builtPage(path, dist));
}

/** The text of the one element matching a selector; fails loudly when it is missing. */
export function textAt(doc: HTMLElement, selector: string): string {
  const element = doc.querySelector(selector);
  if (!element) throw new Error(`no element matches ${selector}`);
  return element.textContent;
}

/** Every built HTML page as its public path: /, /2022/drunk-driving/, /404.html… */
export function builtPages(dist = DIST): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${file}`.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}
