import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, serveStatic, shouldCompress, type StaticServer } from '../src/bench-server.ts';
import { tempDir } from './helpers/bench.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw GET (fetch would decompress and hide what was sent). */
function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

const HTML = '<!doctype html><title>x</title>'.repeat(50);
const PREGZIPPED = gzipSync(Buffer.from('pagefind index chunk '.repeat(40)));
let server: StaticServer;

beforeAll(async () => {
  const dir = tempDir('serve');
  mkdirSync(path.join(dir, 'search'), { recursive: true });
  mkdirSync(path.join(dir, 'pagefind/index'), { recursive: true });
  writeFileSync(path.join(dir, 'search/index.html'), HTML);
  writeFileSync(path.join(dir, '404.html'), '<p>not here</p>');
  writeFileSync(path.join(dir, 'pagefind/index/en_1.pf_index'), PREGZIPPED);
  writeFileSync(path.join(dir, 'pagefind/pagefind.js'), 'export const a = 1;'.repeat(50));
  server = await serveStatic(dir);
});

afterAll(() => server.close());

describe('the benchmark’s static server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });

  it('serves a folder’s index.html gzipped to a browser that accepts gzip, with its exact length', async () => {
    const reply = await get(`${server.url}/search/?q=x`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBe('gzip');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
    expect(gunzipSync(reply.body).toString()).toBe(HTML);
  });

  it('sends plain bytes to a client that does not accept gzip', async () => {
    const reply = await get(`${server.url}/pagefind/pagefind.js`);
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(reply.body.toString()).toBe('export const a = 1;'.repeat(50));
  });

  it('never compresses a file that is gzip already', async () => {
    const reply = await get(`${server.url}/pagefind/index/en_1.pf_index`, { 'accept-encoding': 'gzip' });
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(reply.body.equals(PREGZIPPED)).toBe(true);
  });

  it('moves a folder without its slash to the folder', async () => {
    const reply = await get(`${server.url}/search`);
    expect(reply.status).toBe(301);
    expect(reply.headers.location).toBe('/search/');
  });

  it('answers anything missing, or outside the site, with the 404 page', async () => {
    for (const url of ['/nope/', '/%2e%2e/%2e%2e/etc/passwd', '/search/../../x']) {
      const reply = await get(`${server.url}${url}`);
      expect(reply.status).toBe(404);
      expect(reply.body.toString()).toBe('<p>not here</p>');
    }
  });
});

describe('content types and compression', () => {
  it('knows the types a site serves', () => {
    expect(contentType('a/b.css')).toBe('text/css; charset=utf-8');
    expect(contentType('a/b.wasm')).toBe('application/wasm');
    expect(contentType('wasm.en.pagefind')).toBe('application/octet-stream');
  });

  it('compresses text and WebAssembly only', () => {
    const text = Buffer.from('hello');
    expect(shouldCompress('text/html; charset=utf-8', text)).toBe(true);
    expect(shouldCompress('application/json; charset=utf-8', text)).toBe(true);
    expect(shouldCompress('application/wasm', text)).toBe(true);
    expect(shouldCompress('application/octet-stream', text)).toBe(false);
    expect(shouldCompress('image/png', text)).toBe(false);
  });
});
