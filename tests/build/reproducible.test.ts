import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildWithContent } from '../support/build';
import { DIST } from '../support/dist';

/** Every file of a build with the SHA-256 of its bytes. */
function fingerprint(root: string): Record<string, string> {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(root, f)).isFile());
  return Object.fromEntries(files.sort().map((f) => [f, createHash('sha256').update(readFileSync(join(root, f))).digest('hex')]));
}

it('a second, cold build of the same commit is byte-identical', () => {
  const second = buildWithContent();
  expect(second.ok, second.output).toBe(true);
  expect(fingerprint(second.outDir)).toEqual(fingerprint(DIST));
});
