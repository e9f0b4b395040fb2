/**
 * A static file server for a built site on 127.0.0.1 (random port), for browser tests: `/x/` serves
 * `x/index.html`, unknown paths the 404 page, every response with the headers given (e.g. a
 * Content-Security-Policy, so a test sees what the site does under it).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8', '.woff2': 'font/woff2', '.xsl': 'application/xslt+xml; charset=utf-8',
  '.opml': 'text/x-opml; charset=utf-8',
};

export interface Server {
  origin: string;
  close(): Promise<void>;
}

async function resolveFile(root: string, urlPath: string): Promise<{ file: string; status: number }> {
  const decoded = decodeURIComponent(urlPath);
  const file = path.join(root, path.normalize(decoded.endsWith('/') ? `${decoded}index.html` : decoded));
  const found = file.startsWith(root) && (await stat(file).then((s) => s.isFile(), () => false));
  return found ? { file, status: 200 } : { file: path.join(root, '404.html'), status: 404 };
}

export async function serveSite(root: string, headers: Record<string, string> = {}): Promise<Server> {
  const server = http.createServer((request, response) => {
    resolveFile(root, new URL(request.url ?? '/', 'http://x').pathname).then(({ file, status }) => {
      response.writeHead(status, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...headers });
      createReadStream(file).pipe(response);
    }, () => response.writeHead(400).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
