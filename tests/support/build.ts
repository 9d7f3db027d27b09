import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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
 * settings such as SITE_URL. `elsewhere` starts the build from a working folder other than the
 * project's, so nothing may be found from process.cwd(); that folder is still inside the project, as
 * Astro itself needs (with the output folder outside the working folder, it bundles the pages into
 * the working folder, and that bundle must find node_modules/).
 */
export function buildWithContent(
  contentDir?: string,
  { cacheDir = mkdtempSync(join(tmpdir(), 'zz-cache-')), env = {}, elsewhere = false }: { cacheDir?: string; env?: Record<string, string>; elsewhere?: boolean } = {},
): BuildResult {
  const outDir = mkdtempSync(join(tmpdir(), 'zz-build-'));
  const config = 'tests/support/astro.fixture.config.mjs';
  const cwd = elsewhere ? workingFolderInProject() : ROOT;
  const run = spawnSync('npx', ['astro', 'build', '--root', ROOT, '--config', config, '--outDir', outDir], {
    cwd,
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
  if (elsewhere) rmSync(cwd, { recursive: true });
  // CI forces colour on; the messages an editor reads are the text without the escape codes.
  return { ok: run.status === 0, output: stripVTControlCharacters(`${run.stdout}\n${run.stderr}`), outDir: `${outDir}/` };
}

/** A fresh folder under the project's .astro/ (ignored by git), to start a build from. */
function workingFolderInProject(): string {
  const parent = join(ROOT, '.astro');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, 'zz-cwd-'));
}

/** A fresh content folder assembled from folders (copied whole) and single files (copied to a path). */
export function contentFolder(parts: { from: string; to: string }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'zz-content-'));
  for (const { from, to } of parts) cpSync(join(ROOT, from), join(dir, to), { recursive: true });
  return dir;
}
