import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSearchIndexCache, packFiles, unpackFiles } from '../src/search-cache.ts';
import type { IndexFile } from '../src/search-index.ts';

const files = (): IndexFile[] => [
  { path: 'pagefind-entry.json', content: new TextEncoder().encode('{"version":"1.6.0"}') },
  { path: 'fragment/en_abc.pf_fragment', content: new Uint8Array([0x1f, 0x8b, 0, 1, 2, 255]) },
  { path: 'index/en_def.pf_index', content: new Uint8Array(0) },
];
const text = (list: IndexFile[] | undefined) => list?.map((f) => [f.path, Buffer.from(f.content).toString('base64')]);

describe('search index packs', () => {
  it('read back exactly what was packed', () => {
    expect(text(unpackFiles(packFiles(files())))).toEqual(text(files()));
  });

  it('are ignored when cut off, padded, foreign or escaping their folder', () => {
    const pack = packFiles(files());
    expect(unpackFiles(pack.subarray(0, pack.length - 1))).toBeUndefined();
    expect(unpackFiles(Buffer.concat([pack, Buffer.from('x')]))).toBeUndefined();
    expect(unpackFiles(Buffer.from('not a pack'))).toBeUndefined();
    expect(unpackFiles(packFiles([{ path: '../../etc/x', content: new Uint8Array(1) }]))).toBeUndefined();
  });
});

describe('the search index cache on disk', () => {
  it('keeps a shard\'s files by key across builds and removes what a build did not use', async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'paperfeed-search-cache-')), 'search');
    const first = openSearchIndexCache(dir);
    first.set('kept', files());
    first.set('dropped', files());
    expect(first.prune()).toBe(0);
    const second = openSearchIndexCache(dir);
    expect(text(second.get('kept'))).toEqual(text(files()));
    expect(second.get('missing')).toBeUndefined();
    expect(second.prune()).toBe(1);
    expect(await readdir(dir)).toEqual(['kept.pfpack']);
  });

  it('treats a corrupt pack as missing and ignores keys that are not plain names', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-search-cache-'));
    await writeFile(path.join(dir, 'broken.pfpack'), 'PFPACK1\n[["a",99]]\nshort');
    const cache = openSearchIndexCache(dir);
    expect(cache.get('broken')).toBeUndefined();
    expect(cache.get('../broken')).toBeUndefined();
    cache.set('../escape', files());
    expect(await readdir(path.dirname(dir))).not.toContain('escape.pfpack');
  });
});

describe('builds sharing a cache folder', () => {
  it('reuse an unchanged search index and replace a changed one', async () => {
    const { runBuild } = await import('./helpers/site.ts');
    const { paperFields, paperSource, writePapers } = await import('./helpers/papers.ts');
    const { stat, readFile } = await import('node:fs/promises');
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-cache-'));
    const papers = await writePapers({ 'a.md': paperSource(paperFields({ arxiv: undefined })) });
    const first = await runBuild(papers, { cacheDir });
    const packs = await readdir(path.join(cacheDir, 'search'));
    expect(packs).toHaveLength(1);
    const before = (await stat(path.join(cacheDir, 'search', packs[0] as string))).mtimeMs;
    const second = await runBuild(papers, { cacheDir });
    expect([first.code, second.code]).toEqual([0, 0]);
    expect((await stat(path.join(cacheDir, 'search', packs[0] as string))).mtimeMs).toBe(before);
    const entry = (run: { outDir: string }) => readFile(path.join(run.outDir, 'pagefind', 'pagefind-entry.json'), 'utf8');
    expect(await entry(second)).toBe(await entry(first));
    await writeFile(path.join(papers, 'b.md'), paperSource(paperFields({ arxiv: undefined })));
    const third = await runBuild(papers, { cacheDir });
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/search cache: 1 unused index removed/);
    expect(await readdir(path.join(cacheDir, 'search'))).not.toContain(packs[0]);
  });
});
