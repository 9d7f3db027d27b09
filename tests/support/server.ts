import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { DIST } from './dist.ts';
import { PAGE_ERRORS_REPORT_PATH, PAGE_ERRORS_SCRIPT, PAGE_ERRORS_SCRIPT_PATH, type PageError } from './page-errors.ts';

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
  /** With `pageErrors`: what the pages reported (see page-errors.ts). */
  pageErrors: PageError[];
  /** Every file requested, in order, with the status it was answered with (0 until answered, or when dropped). */
  requests: { path: string; status: number }[];
  /** Files to answer late, as a slow network would, or (`drop`) to drop the connection for (set and cleared by a test). */
  slow: { files: RegExp; ms: number; drop?: boolean } | undefined;
  close(): Promise<void>;
}

/**
 * Serve a built site on 127.0.0.1 the way a static host does: index.html for folders, the 404 page,
 * and (with `gzip`) the `.gz` sibling the build wrote to clients that accept it, as deploy/nginx.conf
 * does with gzip_static: nothing is compressed per request, so the server adds no time of its own. With
 * `pageErrors`, every page first runs page-errors.ts, for browsers whose driver cannot report the console.
 */
export async function serveStatic(root = DIST, { gzip = false, pageErrors = false } = {}): Promise<StaticSite> {
  const reported: PageError[] = [];
  const requests: StaticSite['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (pageErrors && path === PAGE_ERRORS_SCRIPT_PATH) {
      res.writeHead(200, { 'content-type': TYPES['.js']! }).end(PAGE_ERRORS_SCRIPT);
      return;
    }
    if (pageErrors && path === PAGE_ERRORS_REPORT_PATH && req.method === 'POST') {
      let body = '';
      req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        reported.push(JSON.parse(body) as PageError);
        res.writeHead(204).end();
      });
      return;
    }
    const request = { path, status: 0 };
    requests.push(request);
    const slow = site.slow?.files.test(path) ? site.slow : undefined;
    if (!slow) respond(req, res, request);
    else if (slow.drop) setTimeout(() => req.socket.destroy(), slow.ms);
    else setTimeout(() => respond(req, res, request), slow.ms);
  });
  function respond(req: IncomingMessage, res: ServerResponse, request: StaticSite['requests'][number]) {
    const { path } = request;
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = file.startsWith(root) && existsSync(file);
    const served = found ? file : join(root, '404.html');
    request.status = found ? 200 : 404;
    const type = TYPES[extname(served)] ?? 'application/octet-stream';
    const watch = pageErrors && extname(served) === '.html';
    const compressed = !watch && gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'])) && existsSync(`${served}.gz`);
    res.writeHead(found ? 200 : 404, { 'content-type': type, ...(compressed && { 'content-encoding': 'gzip', vary: 'accept-encoding' }) });
    if (watch) {
      res.end(withPageErrorsScript(readFileSync(served, 'utf8')));
      return;
    }
    createReadStream(compressed ? `${served}.gz` : served).pipe(res);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const site: StaticSite = {
    origin: `http://127.0.0.1:${port}`,
    pageErrors: reported,
    requests,
    slow: undefined,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return site;
}

/** Before the page's policy and scripts; a same-origin file, so the page's script-src 'self' allows it. */
function withPageErrorsScript(html: string): string {
  const at = html.indexOf('<meta charset="utf-8">');
  // A page without it still gets the script, first in the document, rather than going unwatched.
  const end = at < 0 ? 0 : at + '<meta charset="utf-8">'.length;
  return `${html.slice(0, end)}<script src="${PAGE_ERRORS_SCRIPT_PATH}"></script>${html.slice(end)}`;
}

/** A TCP port nothing listens on right now, for a server started by another program. */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
