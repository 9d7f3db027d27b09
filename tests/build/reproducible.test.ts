import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  // Caches of its own: every share image is drawn and every .gz/.br compressed again, not read back
  // from the first build's caches, so a nondeterministic encoder shows.
  const cacheDir = mkdtempSync(join(tmpdir(), 'zz-cache-'));
  const second = buildWithContent(undefined, { cacheDir });
  expect(second.ok, second.output).toBe(true);
  const files = fingerprint(second.outDir);
  const pngs = (names: string[]) => names.filter((name) => name.endsWith('.png')).length;
  expect(pngs(readdirSync(join(cacheDir, 'share-images'))), 'share images drawn by the second build').toBe(pngs(Object.keys(files)));
  expect(readdirSync(join(cacheDir, 'precompress')).length, 'files compressed by the second build').toBeGreaterThan(0);
  expect(files).toEqual(fingerprint(DIST));
});
