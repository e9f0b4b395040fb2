import { readdir, readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSearchIndexCache, INDEX_CHUNK_SIZE, isIndexFile, isRuntimeFile, PAGEFIND_MALLOC_CONF, PAGEFIND_VERSION, planSearchIndex, SearchIndexError,
  writeSearchIndex, writeSearchShards,
} from '../src/search-index.ts';
import { defaultSettings } from '../src/site.ts';
import type { RenderedPaper } from '../src/views.ts';
import { renderedPaper } from './helpers/rendered.ts';
import { readFragments } from './helpers/search.ts';
import { root } from './helpers/site.ts';

const FAILING_SERVICE = path.join(root, 'tests/fixtures/failing-pagefind.mjs');
const settings = (shardPapers: number) => ({ ...defaultSettings, searchShardPapers: shardPapers });
const tempSite = async () => mkdtemp(path.join(os.tmpdir(), 'paperfeed-search-'));

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

/** Five papers over four days: with shards of at most two papers, three shards (grouped from the oldest day). */
function papers(): RenderedPaper[] {
  return [
    renderedPaper({ date: '2025-03-10', title: 'Oldest' }),
    renderedPaper({ date: '2025-03-10', title: 'Also oldest' }),
    renderedPaper({ date: '2025-03-11', title: 'Middle', topics: ['Geometry'] }, 'Homogeneous spaces $\\mathbb{R}^3 \\times S^2$ and \\(SE(3)\\).'),
    renderedPaper({ date: '2025-04-01', title: 'Newer' }),
    renderedPaper({ date: '2025-04-02', title: 'Newest', code: 'https://github.com/o/r' }),
  ];
}

describe('writeSearchIndex', () => {
  afterEach(() => {
    delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
  });

  it('writes one index per shard, newest first, Pagefind\'s runtime once, and a manifest', async () => {
    const outDir = await tempSite();
    const lines: string[] = [];
    const result = await writeSearchIndex({ papers: papers(), outDir, settings: settings(2), log: (l) => lines.push(l) });
    expect(result.manifest).toEqual({
      version: 1, language: 'en', papers: 5, shardPapers: 2,
      shards: [
        { first: '2025-04-02', last: '2025-04-02', path: '/pagefind/', papers: 1 },
        { first: '2025-03-11', last: '2025-04-01', path: '/pagefind/2025-03-11/', papers: 2 },
        { first: '2025-03-10', last: '2025-03-10', path: '/pagefind/2025-03-10/', papers: 2 },
      ],
    });
    expect(JSON.parse(await readFile(path.join(outDir, 'pagefind/shards.json'), 'utf8'))).toEqual(result.manifest);
    const files = await filesUnder(path.join(outDir, 'pagefind'));
    expect(files.length).toBe(result.files);
    expect(files.filter(isRuntimeFile)).toEqual(['pagefind-worker.js', 'pagefind.js', 'wasm.en.pagefind', 'wasm.unknown.pagefind']);
    const rootFiles = files.filter((f) => !/^\d{4}-\d{2}-\d{2}\//.test(f));
    expect(rootFiles.filter((f) => !isIndexFile(f) && !isRuntimeFile(f))).toEqual(['shards.json']);
    for (const shard of ['2025-03-10', '2025-03-11']) {
      const own = files.filter((f) => f.startsWith(`${shard}/`)).map((f) => f.slice(shard.length + 1));
      expect(own.every(isIndexFile)).toBe(true);
      expect(own).toContain('pagefind-entry.json');
    }
    expect(lines.at(-1)).toMatch(/^search: 5 papers in 3 indexes, \d+ files \(\d+ ms\)$/);
  });

  it('indexes TeX as written and the metadata, filters and URL of each paper', async () => {
    const outDir = await tempSite();
    await writeSearchIndex({ papers: papers(), outDir, settings: settings(2) });
    const fragments = await readFragments(path.join(outDir, 'pagefind/2025-03-11'));
    expect(fragments.map((f) => f.meta.title).sort()).toEqual(['Middle', 'Newer']);
    const middle = fragments.find((f) => f.meta.title === 'Middle');
    expect(middle?.url).toMatch(/^\/papers\/2503\.\d{5}\/$/);
    expect(middle?.content).toContain('Homogeneous spaces $\\mathbb{R}^3 \\times S^2$ and \\(SE(3)\\).');
    expect(middle?.content).not.toMatch(/katex|ℝ/);
    expect(middle?.meta).toMatchObject({ title: 'Middle', authors: 'Ada Lovelace, Alan Turing' });
    expect(middle?.filters).toMatchObject({ topic: ['geometry'], year: ['2025'], month: ['2025-03'], day: ['2025-03-11'] });
    const newest = await readFragments(path.join(outDir, 'pagefind'));
    expect(newest.map((f) => [f.meta.title, f.filters.code])).toEqual([['Newest', ['yes']]]);
  });

  it('reuses unchanged shards from the cache, byte for byte, and indexes the changed one', async () => {
    const cache = createSearchIndexCache();
    const [first, second] = [await tempSite(), await tempSite()];
    const base = papers();
    await writeSearchIndex({ papers: base, outDir: first, settings: settings(2), cache });
    const lines: string[] = [];
    const changed = [...base.slice(0, 4), renderedPaper({ date: '2025-04-02', title: 'Newest, revised' })];
    await writeSearchIndex({ papers: changed, outDir: second, settings: settings(2), cache, log: (l) => lines.push(l) });
    expect(lines.slice(0, 3).map((l) => l.replace(/ \(\d+ ms\)$/, ''))).toEqual([
      'search: 2025-04-02 – 2025-04-02: 1 paper', 'search: 2025-03-11 – 2025-04-01: 2 papers, cached', 'search: 2025-03-10 – 2025-03-10: 2 papers, cached',
    ]);
    for (const shard of ['2025-03-10', '2025-03-11']) {
      const files = await filesUnder(path.join(first, 'pagefind', shard));
      expect(await filesUnder(path.join(second, 'pagefind', shard))).toEqual(files);
      for (const file of files) {
        expect(await readFile(path.join(second, 'pagefind', shard, file))).toEqual(await readFile(path.join(first, 'pagefind', shard, file)));
      }
    }
  });

  it('writes the same bytes for the same papers', async () => {
    const [a, b] = [await tempSite(), await tempSite()];
    const input = papers();
    await writeSearchIndex({ papers: input, outDir: a, settings: settings(2) });
    await writeSearchIndex({ papers: input, outDir: b, settings: settings(2) });
    const files = await filesUnder(a);
    expect(await filesUnder(b)).toEqual(files);
    for (const file of files) expect(await readFile(path.join(b, file))).toEqual(await readFile(path.join(a, file)));
  });

  it('writes a manifest without shards and no runtime for a site without papers', async () => {
    const outDir = await tempSite();
    const { manifest } = await writeSearchIndex({ papers: [], outDir, settings: defaultSettings });
    expect(manifest.shards).toEqual([]);
    expect(await filesUnder(outDir)).toEqual(['pagefind/shards.json']);
  });

  it('fails with Pagefind\'s message when Pagefind reports an error', async () => {
    process.env.PAGEFIND_EXTENDED_BINARY_PATH = FAILING_SERVICE;
    const outDir = await tempSite();
    const failure = writeSearchIndex({ papers: papers(), outDir, settings: settings(2) });
    await expect(failure).rejects.toThrow(SearchIndexError);
    await expect(failure).rejects.toThrow(/starting Pagefind failed: No space left on device/);
  });

  it('matches the installed Pagefind and sets its chunk size and allocator', async () => {
    const installed = JSON.parse(await readFile(path.join(root, 'node_modules/pagefind/package.json'), 'utf8')) as { version: string };
    expect(PAGEFIND_VERSION).toBe(installed.version);
    expect(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBe(String(INDEX_CHUNK_SIZE));
    expect(process.env._RJEM_MALLOC_CONF).toBe(PAGEFIND_MALLOC_CONF);
  });

  it('calls betweenShards once before each shard after the first', async () => {
    const outDir = await tempSite();
    const events: string[] = [];
    await writeSearchShards(planSearchIndex(papers(), settings(2)), {
      outDir, log: (line) => events.push(line.replace(/ \(\d+ ms\)$/, '')), betweenShards: () => events.push('between'),
    });
    expect(events.slice(0, -1)).toEqual([
      'search: 2025-04-02 – 2025-04-02: 1 paper', 'between',
      'search: 2025-03-11 – 2025-04-01: 2 papers', 'between',
      'search: 2025-03-10 – 2025-03-10: 2 papers',
    ]);
  });
});
