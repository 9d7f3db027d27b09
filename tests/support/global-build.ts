import { spawnSync } from 'node:child_process';
import { ROOT } from './build';

/** Build the site once for every test file that reads dist/. SKIP_BUILD=1 reuses an existing dist/. */
export default function setup() {
  if (process.env.SKIP_BUILD) return;
  const run = spawnSync('npx', ['astro', 'build'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (run.status !== 0) throw new Error(`astro build failed:\n${run.stdout}\n${run.stderr}`);
}
