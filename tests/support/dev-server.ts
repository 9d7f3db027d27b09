import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { ROOT } from './build.ts';

const VITEST_SETTINGS = new Set(['NODE_ENV', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);

export interface DevServer {
  origin: string;
  /** Everything the server has printed so far: what the editor reads in the terminal. */
  output(): string;
  close(): Promise<void>;
}

/**
 * `astro dev` (what `npm run dev` runs) over another content folder, on a free port of 127.0.0.1,
 * with a share-image cache of its own. Resolves once the server says where it listens. The server
 * runs in its own process group, so close() ends it and every process it started.
 */
export async function startDevServer(contentDir: string, { timeoutMs = 120_000 } = {}): Promise<DevServer> {
  // Vitest's own settings would turn the server into Astro's test mode: no HMR (NODE_ENV=test), no
  // page routes (VITEST), and import.meta.env read from its copies (MODE=test…). The editor's terminal has none of them.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !VITEST_SETTINGS.has(name) && !name.startsWith('VITEST')));
  const images = mkdtempSync(join(tmpdir(), 'zz-dev-images-'));
  const child = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(await freePort())], {
    cwd: ROOT,
    detached: true,
    env: {
      ...env,
      CONTENT_DIR: contentDir,
      SHARE_IMAGE_CACHE: images,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const output = () => stripVTControlCharacters(printed);
  child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve())).then(() => rmSync(images, { recursive: true, force: true }));
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid!, 'SIGTERM');
    const killed = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(killed);
  };
  // Should the test runner stop before afterAll, the server does not outlive it.
  process.once('exit', () => void close().catch(() => undefined));

  const started = Date.now();
  let origin: string | undefined;
  // Vite moves to the next port when the one given was taken meanwhile: read the one it chose.
  while (!(origin = /Local\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(output())?.[1])) {
    if (child.exitCode !== null) throw new Error(`astro dev exited:\n${output()}`);
    if (Date.now() - started > timeoutMs) {
      await close();
      throw new Error(`astro dev did not start within ${timeoutMs} ms:\n${output()}`);
    }
    await sleep(100);
  }
  return { origin, output, close };
}

/** Ask again every interval until `check` returns something (not undefined or false), or fail with what was last seen. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, what: string, { timeoutMs = 30_000, intervalMs = 250 } = {}): Promise<T> {
  const started = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const result = await check();
      if (result !== undefined && result !== false) return result;
    } catch (error) {
      last = error;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms${last ? ` (last error: ${String(last)})` : ''}`);
    await sleep(intervalMs);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
