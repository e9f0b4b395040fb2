/**
 * A static file server for a built site, on 127.0.0.1 and a free port, the way a static host
 * serves it: `index.html` for folders (and a redirect to the slash), the site's 404 page, gzip for
 * text, and the Content-Security-Policy the site must work under on every response. It counts the
 * bytes it sends, so tests can tell what a page downloaded.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Transform } from 'node:stream';
import { createGzip } from 'node:zlib';

/** The policy of the deployment issue: Pagefind needs WebAssembly and a worker; KaTeX uses inline style attributes. */
export const SITE_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8', '.woff2': 'font/woff2',
  '.pagefind': 'application/wasm', '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream', '.pf_filter': 'application/octet-stream',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml))/;

export interface SiteServer {
  origin: string;
  /** Body bytes sent (after gzip), per path, since the last `resetBytes()`. */
  bytes: Map<string, number>;
  resetBytes(): void;
  close(): Promise<void>;
}

async function resolveFile(root: string, pathname: string): Promise<{ file?: string; redirect?: string }> {
  const file = path.join(root, path.normalize(decodeURIComponent(pathname)));
  if (file !== root && !file.startsWith(root + path.sep)) return {};
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    if (!pathname.endsWith('/')) return { redirect: `${pathname}/` };
    return (await stat(path.join(file, 'index.html')).catch(() => undefined)) ? { file: path.join(file, 'index.html') } : {};
  }
  return info?.isFile() ? { file } : {};
}

export async function serveSite(dir: string, headers: Record<string, string> = { 'Content-Security-Policy': SITE_CSP }): Promise<SiteServer> {
  const root = path.resolve(dir);
  const bytes = new Map<string, number>();
  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    void resolveFile(root, pathname).then(({ file, redirect }) => {
      if (redirect) return void response.writeHead(301, { Location: redirect }).end();
      const served = file ?? path.join(root, '404.html');
      const type = TYPES[path.extname(served)] ?? 'application/octet-stream';
      const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding']));
      response.writeHead(file ? 200 : 404, { ...headers, 'Content-Type': type, 'Cache-Control': 'no-cache', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
      const count = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          bytes.set(pathname, (bytes.get(pathname) ?? 0) + chunk.length);
          done(null, chunk);
        },
      });
      const body = createReadStream(served).on('error', () => response.destroy());
      (gzip ? body.pipe(createGzip()) : body).pipe(count).pipe(response);
    });
  });
  server.keepAliveTimeout = 500;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    bytes,
    resetBytes: () => bytes.clear(),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
