import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { DIST } from './dist.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticSite {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serve a built site on 127.0.0.1 the way a static host does: index.html for folders, the 404 page,
 * and (with `gzip`) the `.gz` sibling the build wrote to clients that accept it, as deploy/nginx.conf
 * does with gzip_static: nothing is compressed per request, so the server adds no time of its own.
 */
export async function serveStatic(root = DIST, { gzip = false } = {}): Promise<StaticSite> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = file.startsWith(root) && existsSync(file);
    const served = found ? file : join(root, '404.html');
    const type = TYPES[extname(served)] ?? 'application/octet-stream';
    const compressed = gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'])) && existsSync(`${served}.gz`);
    res.writeHead(found ? 200 : 404, { 'content-type': type, ...(compressed && { 'content-encoding': 'gzip', vary: 'accept-encoding' }) });
    createReadStream(compressed ? `${served}.gz` : served).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
