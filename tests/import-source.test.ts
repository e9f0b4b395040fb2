import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { SourceError } from '../src/import-record.ts';
import { readSource } from '../src/import-source.ts';
import { serve, type TestServer } from './helpers/imports.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const tempFile = async (name: string, bytes: string | Uint8Array) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-source-'));
  await writeFile(path.join(dir, name), bytes);
  return dir;
};

describe('readSource from files', () => {
  it('reads a path relative to the folder the command ran in', async () => {
    const dir = await tempFile('day.json', '[1]');
    expect(await readSource('day.json', { cwd: dir })).toEqual({ text: '[1]', name: 'day.json' });
  });

  it('unpacks gzip files and drops a byte order mark', async () => {
    const dir = await tempFile('q1.jsonl.gz', gzipSync('\uFEFF{"a": "é"}\n'));
    expect((await readSource('q1.jsonl.gz', { cwd: dir })).text).toBe('{"a": "é"}\n');
  });

  it('reads standard input for -', async () => {
    const readStdin = async () => new TextEncoder().encode('<feed/>');
    expect(await readSource('-', { cwd: '/', readStdin })).toEqual({ text: '<feed/>', name: 'standard input' });
  });

  it.each([
    ['missing.json', 'no such file'],
    ['.', 'is a folder'],
  ])('says what is wrong with %s', async (name, message) => {
    const dir = await tempFile('x', '');
    await expect(readSource(name, { cwd: dir })).rejects.toThrow(message);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const dir = await tempFile('latin1.json', new Uint8Array([0x5b, 0xe9, 0x5d]));
    await expect(readSource('latin1.json', { cwd: dir })).rejects.toThrow('is not UTF-8 text');
  });
});

describe('readSource from a server on 127.0.0.1', () => {
  it('fetches the body of a URL', async () => {
    server = await serve((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ path: req.url }));
    });
    const url = `${server.url}/api/daily_papers?date=2025-03-11`;
    expect(await readSource(url, { cwd: '/' })).toEqual({ text: '{"path":"/api/daily_papers?date=2025-03-11"}', name: url });
  });

  it('reads compressed answers, by transfer encoding and by content', async () => {
    server = await serve((req, res) => {
      if (req.url === '/encoded') res.setHeader('content-encoding', 'gzip');
      res.end(gzipSync('[]'));
    });
    expect((await readSource(`${server.url}/encoded`, { cwd: '/' })).text).toBe('[]');
    expect((await readSource(`${server.url}/file.gz`, { cwd: '/' })).text).toBe('[]');
  });

  it('reports an HTTP error with its status and the start of its body', async () => {
    server = await serve((_, res) => {
      res.statusCode = 500;
      res.end('{"error": "Internal Error"}');
    });
    await expect(readSource(`${server.url}/api`, { cwd: '/' })).rejects.toThrow(`${server.url}/api answered HTTP 500 Internal Server Error: {"error": "Internal Error"}`);
  });

  it('gives up on a server that does not answer in time', async () => {
    server = await serve(() => {});
    const error = await readSource(`${server.url}/slow`, { cwd: '/', timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toBe('no complete answer from 127.0.0.1:' + new URL(server.url).port + ' within 0.2 s: try again later, raise --timeout, or download the response and pass the file');
  });

  it('gives up on a body that stops in the middle', async () => {
    server = await serve((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('[{"paper": ');
    });
    await expect(readSource(`${server.url}/stalls`, { cwd: '/', timeoutMs: 200 })).rejects.toThrow('no complete answer');
  });

  it('says when nothing listens at the address', async () => {
    const closed = await serve(() => {});
    await closed.close();
    await expect(readSource(`${closed.url}/`, { cwd: '/' })).rejects.toThrow('refused the connection');
  });

  it('says when the host cannot be found, as when offline', async () => {
    const offline = (async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND huggingface.co'), { code: 'ENOTFOUND' }) });
    }) as typeof fetch;
    await expect(readSource('https://huggingface.co/api/daily_papers', { cwd: '/', fetch: offline })).rejects.toThrow('cannot find the host huggingface.co: are you offline?');
  });
});
