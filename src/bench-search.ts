/**
 * What a reader's first search costs: serves a built site on 127.0.0.1 with gzip (./bench-server.ts),
 * opens `/search/?q=<two words>` in a fresh headless Chromium (empty cache), waits until a result
 * links a paper page and the network has been quiet for a second, and sums the bytes received for
 * every same-origin request, as sent (gzipped). The page's own HTML and stylesheets are what any
 * page costs; everything after them (scripts, Pagefind's runtime, WebAssembly, index chunks,
 * fragments) is what searching costs. Only the page's behaviour is assumed, not its code.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Request } from 'playwright-core';
import { serveStatic } from './bench-server.ts';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export interface Transfer {
  path: string;
  type: string;
  bytes: number;
}

export interface QueryCost {
  query: string;
  /** False when no result appeared within the time limit (the bytes are what had arrived). */
  resultsSeen: boolean;
  /** Gzipped body bytes of every same-origin request. */
  totalBytes: number;
  /** The same, without the page's HTML, stylesheets, fonts and images. */
  searchBytes: number;
  requests: number;
  searchRequests: number;
  /** Every request, largest first. */
  transfers: Transfer[];
  ms: number;
}

const PAGE_TYPES = new Set(['document', 'stylesheet', 'font', 'image']);

/** True when the page links a paper (`/papers/<id>/`, not a listing) inside `main`. */
const RESULT_SEEN = `[...document.querySelectorAll('main a[href]')].some((a) => /^\\/papers\\/(?!(date|week|month)\\/)[^?#]+\\/$/.test(new URL(a.href, location.href).pathname))`;

export function summarizeTransfers(query: string, transfers: Transfer[], resultsSeen: boolean, ms: number): QueryCost {
  const search = transfers.filter((t) => !PAGE_TYPES.has(t.type));
  const sum = (list: Transfer[]) => list.reduce((total, t) => total + t.bytes, 0);
  return {
    query,
    resultsSeen,
    totalBytes: sum(transfers),
    searchBytes: sum(search),
    requests: transfers.length,
    searchRequests: search.length,
    transfers: [...transfers].sort((a, b) => b.bytes - a.bytes),
    ms: Math.round(ms),
  };
}

/** Waits until no request has been in flight for `quietMs`. */
async function networkQuiet(inFlight: () => number, quietMs: number, limitMs: number): Promise<void> {
  const until = Date.now() + limitMs;
  let quietSince = Date.now();
  while (Date.now() < until) {
    if (inFlight() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Undefined when the site has no search page. */
export async function measureFirstQuery(siteDir: string, query: string, options: { executablePath?: string; timeoutMs?: number } = {}): Promise<QueryCost | undefined> {
  if (!existsSync(path.join(siteDir, 'search', 'index.html'))) return undefined;
  const server = await serveStatic(siteDir);
  const browser = await chromium.launch({ executablePath: options.executablePath ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    const transfers: Promise<Transfer | undefined>[] = [];
    let inFlight = 0;
    const record = async (request: Request): Promise<Transfer | undefined> => {
      inFlight--;
      if (!request.url().startsWith(server.url)) return undefined;
      // Our server sends the exact body length (gzipped or not); Playwright reports 0 for a worker's own script.
      const length = Number((await request.response())?.headers()['content-length']);
      const sizes = Number.isFinite(length) ? undefined : await request.sizes().catch(() => undefined);
      return { path: new URL(request.url()).pathname, type: request.resourceType(), bytes: Number.isFinite(length) ? length : (sizes?.responseBodySize ?? 0) };
    };
    context.on('request', () => inFlight++);
    context.on('requestfinished', (request) => transfers.push(record(request)));
    context.on('requestfailed', () => inFlight--);
    const started = Date.now();
    const page = await context.newPage();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
    const timeout = options.timeoutMs ?? 60_000;
    const resultsSeen = await page.waitForFunction(RESULT_SEEN, undefined, { timeout, polling: 100 }).then(() => true, () => false);
    await networkQuiet(() => inFlight, 1000, timeout);
    const ms = Date.now() - started;
    const done = (await Promise.all(transfers)).filter((t): t is Transfer => t !== undefined);
    await context.close();
    return summarizeTransfers(query, done, resultsSeen, ms);
  } finally {
    await browser.close();
    await server.close();
  }
}
