/**
 * Where an import reads from: a file (plain or gzip-compressed), standard input (`-`), or an
 * http(s) URL fetched with a deadline. Every way this can fail — no such file, offline, a host that
 * never answers, an HTTP error, bytes that are not UTF-8 — becomes one sentence that says what
 * happened and what to do, never a stack trace. `fetch` and the clock are passed in, for tests.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SourceError } from './import-record.ts';
import { foldWhitespace } from './text.ts';

export interface ReadSourceOptions {
  /** Relative file paths are resolved from here (the folder the command was run in). */
  cwd: string;
  fetch?: typeof fetch;
  /** How long a URL may take, answer and body together. */
  timeoutMs?: number;
  readStdin?: () => Promise<Uint8Array>;
}

export interface SourceText {
  text: string;
  /** The file path or URL, for messages. */
  name: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads `source` (a path, `-` or an http(s) URL) as text. */
export async function readSource(source: string, options: ReadSourceOptions): Promise<SourceText> {
  if (/^https?:\/\//i.test(source)) return { text: decode(await fetchBytes(source, options), source), name: source };
  if (source === '-') {
    if (!options.readStdin) throw new SourceError('reading from standard input is not available here');
    return { text: decode(await options.readStdin(), 'standard input'), name: 'standard input' };
  }
  const file = path.resolve(options.cwd, source);
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new SourceError(`no such file: ${file}`);
    if (error.code === 'EISDIR') throw new SourceError(`${file} is a folder: give the path of a response file`);
    throw new SourceError(`cannot read ${file}: ${error.message}`);
  });
  return { text: decode(bytes, file), name: source };
}

/** Text from bytes: gunzipped when they are gzip, UTF-8 strictly, without a byte order mark. */
function decode(bytes: Uint8Array, name: string): string {
  let data = bytes;
  if (data[0] === 0x1f && data[1] === 0x8b) {
    try {
      data = gunzipSync(data);
    } catch (error) {
      throw new SourceError(`${name} looks gzip-compressed but cannot be unpacked: ${(error as Error).message}`);
    }
  }
  try {
    return utf8.decode(data).replace(/^\uFEFF/, '');
  } catch {
    throw new SourceError(`${name} is not UTF-8 text`);
  }
}

async function fetchBytes(url: string, options: ReadSourceOptions): Promise<Uint8Array> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? fetch;
  try {
    const response = await doFetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json, application/atom+xml;q=0.9, */*;q=0.5' } });
    if (!response.ok) {
      const excerpt = foldWhitespace((await response.text().catch(() => '')).slice(0, 200));
      throw new SourceError(`${url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${excerpt ? `: ${excerpt}` : ''}`);
    }
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(describeFetchError(error, url, timeoutMs));
  }
}

function describeFetchError(error: unknown, url: string, timeoutMs: number): string {
  const { host } = new URL(url);
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `no complete answer from ${host} within ${timeoutMs / 1000} s: try again later, raise --timeout, or download the response and pass the file`;
  }
  const code = ((error as { cause?: { code?: string } }).cause?.code ?? '') as string;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot find the host ${host}: are you offline? Check the network, or download the response and pass the file`;
  if (code === 'ECONNREFUSED') return `${host} refused the connection: is the address right?`;
  const cause = (error as { cause?: Error }).cause?.message;
  return `could not fetch ${url}: ${cause ?? (error as Error).message}`;
}
