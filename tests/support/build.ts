import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BuildResult {
  ok: boolean;
  output: string;
  outDir: string;
}

/**
 * Build the real site into a temporary folder, from another content folder (a fixture edition) or,
 * without one, from the real content/. Every cache is cold (Astro's content layer, the share images,
 * the compressed files) unless `cacheDir` names the one an earlier build used (a rebuild); `env` adds
 * settings such as SITE_URL.
 */
export function buildWithContent(contentDir?: string, { cacheDir = mkdtempSync(join(tmpdir(), 'zz-cache-')), env = {} }: { cacheDir?: string; env?: Record<string, string> } = {}): BuildResult {
  const outDir = mkdtempSync(join(tmpdir(), 'zz-build-'));
  const config = 'tests/support/astro.fixture.config.mjs';
  const run = spawnSync('npx', ['astro', 'build', '--config', config, '--outDir', outDir], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...(contentDir && { CONTENT_DIR: contentDir }),
      FIXTURE_CACHE_DIR: cacheDir,
      SHARE_IMAGE_CACHE: join(cacheDir, 'share-images'),
      PRECOMPRESS_CACHE: join(cacheDir, 'precompress'),
      ASTRO_TELEMETRY_DISABLED: '1',
      ...env,
    },
    encoding: 'utf8',
  });
  // CI forces colour on; the messages an editor reads are the text without the escape codes.
  return { ok: run.status === 0, output: stripVTControlCharacters(`${run.stdout}\n${run.stderr}`), outDir: `${outDir}/` };
}

/** A fresh content folder assembled from folders (copied whole) and single files (copied to a path). */
export function contentFolder(parts: { from: string; to: string }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'zz-content-'));
  for (const { from, to } of parts) cpSync(join(ROOT, from), join(dir, to), { recursive: true });
  return dir;
}
