/**
 * A static file server for measuring what a browser downloads from a built site, compressing the
 * way a CDN does: text (HTML, CSS, JavaScript, JSON, XML, SVG) and WebAssembly are sent gzipped
 * when the browser accepts it, files that are gzip already (Pagefind's index files) are sent as
 * they are. Folders serve their `index.html`; anything missing gets `/404.html` with status 404.
 * Listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'text/xsl; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Worth compressing: text and WebAssembly, unless the bytes are gzip already. */
export function shouldCompress(type: string, bytes: Uint8Array): boolean {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return false;
  return /^text\/|^application\/(json|xml|javascript|wasm)|^image\/svg\+xml/.test(type);
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

async function resolveFile(root: string, pathname: string): Promise<string | undefined> {
  const file = path.join(root, decodeURIComponent(pathname));
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) return undefined;
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile()) return file;
  if (info?.isDirectory()) {
    const index = path.join(file, 'index.html');
    return (await stat(index).catch(() => undefined))?.isFile() ? index : undefined;
  }
  return undefined;
}

async function respond(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  const found = await resolveFile(root, pathname).catch(() => undefined);
  if (found && !pathname.endsWith('/') && found.endsWith(`${path.sep}index.html`) && !pathname.endsWith('.html')) {
    response.writeHead(301, { location: `${pathname}/` }).end();
    return;
  }
  const file = found ?? path.join(root, '404.html');
  const bytes = await readFile(file).catch(() => Buffer.from('not found'));
  const type = found ? contentType(file) : 'text/html; charset=utf-8';
  const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')) && shouldCompress(type, bytes);
  const body = gzip ? gzipSync(bytes) : bytes;
  response.writeHead(found ? 200 : 404, {
    'content-type': type,
    'content-length': body.length,
    'cache-control': 'no-store',
    ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

export async function serveStatic(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = createServer((request, response) => {
    respond(root, request, response).catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
