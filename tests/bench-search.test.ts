import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { measureFirstQuery, summarizeTransfers } from '../src/bench-search.ts';
import { tempDir } from './helpers/bench.ts';

/**
 * A search page that behaves like the real one without being it: its script loads an "index" in a
 * worker and a "fragment" with fetch, then lists results as links to paper pages (or, when `finds`
 * is false, says there are none).
 */
function searchSite(finds = true): { dir: string; sizes: Record<string, number> } {
  const dir = tempDir('search-site');
  const files: Record<string, string | Buffer> = {
    'search/index.html': `<!doctype html><html lang="en"><title>Search</title><link rel="stylesheet" href="/assets/main.css"><script type="module" src="/assets/search.js"></script><main><h1>Search</h1><a href="/papers/date/2024-01-01/">a day</a><ol id="r"></ol></main>`,
    'assets/main.css': 'body { color: black; }\n'.repeat(40),
    'assets/search.js': `
      const q = new URLSearchParams(location.search).get('q');
      const worker = new Worker('/pagefind/worker.js');
      worker.onmessage = async () => {
        const fragment = await (await fetch('/pagefind/fragment/a.pf_fragment')).arrayBuffer();
        if (${finds} && q && fragment.byteLength > 0) {
          const a = document.createElement('a');
          a.href = '/papers/2401.00001/';
          a.textContent = q;
          document.getElementById('r').append(a);
        }
      };`,
    'pagefind/worker.js': `fetch('/pagefind/index/a.pf_index').then((r) => r.arrayBuffer()).then(() => postMessage('ready'));${' '.repeat(500)}`,
    'pagefind/index/a.pf_index': gzipSync(Buffer.alloc(3000, 7)),
    'pagefind/fragment/a.pf_fragment': gzipSync(Buffer.alloc(800, 9)),
  };
  const sizes: Record<string, number> = {};
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
    sizes[`/${file.replace(/index\.html$/, '')}`] = Buffer.isBuffer(content) ? content.length : gzipSync(content).length;
  }
  return { dir, sizes };
}

describe('the first query in Chromium', () => {
  it('sums the gzipped bytes of every request, workers included, and what search costs beyond the page', async () => {
    const { dir, sizes } = searchSite();
    const cost = await measureFirstQuery(dir, 'graph neural');
    expect(cost?.resultsSeen).toBe(true);
    expect(cost?.query).toBe('graph neural');
    const byPath = Object.fromEntries((cost?.transfers ?? []).map((t) => [t.path, t.bytes]));
    expect(byPath).toEqual(sizes);
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    expect(cost?.totalBytes).toBe(total);
    expect(cost?.searchBytes).toBe(total - (sizes['/search/'] as number) - (sizes['/assets/main.css'] as number));
    expect(cost?.requests).toBe(6);
    expect(cost?.searchRequests).toBe(4);
  });

  it('says so when no result appears, and still counts what arrived', async () => {
    const { dir } = searchSite(false);
    const cost = await measureFirstQuery(dir, 'nothing here', { timeoutMs: 2000 });
    expect(cost?.resultsSeen).toBe(false);
    expect(cost?.requests).toBe(6);
  });

  it('measures nothing for a site without a search page', async () => {
    expect(await measureFirstQuery(tempDir('no-search'), 'a b')).toBeUndefined();
  });
});

describe('transfer summaries', () => {
  it('counts the page’s HTML, stylesheets, fonts and images as the page, everything else as search, largest first', () => {
    const cost = summarizeTransfers('a b', [
      { path: '/search/', type: 'document', bytes: 100 },
      { path: '/a.css', type: 'stylesheet', bytes: 50 },
      { path: '/f.woff2', type: 'font', bytes: 20 },
      { path: '/s.js', type: 'script', bytes: 30 },
      { path: '/pagefind/x.pf_meta', type: 'fetch', bytes: 400 },
    ], true, 1234.4);
    expect(cost).toMatchObject({ totalBytes: 600, searchBytes: 430, requests: 5, searchRequests: 2, ms: 1234 });
    expect(cost.transfers.map((t) => t.bytes)).toEqual([400, 100, 50, 30, 20]);
  });
});
