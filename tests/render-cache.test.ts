import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { paperFields, paperSource, writePapers } from './helpers/papers.ts';
import { runBuild } from './helpers/site.ts';
import type { RenderedAbstract } from '../src/markdown.ts';
import { formatCacheReport, openRenderCache } from '../src/render-cache.ts';

const NOW = Date.UTC(2025, 2, 11, 12);
const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'paperfeed-cache-test-'));
const open = (dir: string, renderer = 'r1') => openRenderCache({ dir, now: () => NOW, renderer });
const rendered = (text: string): RenderedAbstract => ({ html: `<p>${text}</p>\n`, text, hasMath: text.includes('$'), warnings: [] });
const shardFiles = async (dir: string) => (await readdir(path.join(dir, 'abstracts'))).sort();

/** Fills a new cache with `entries` (shard → keys) and saves it. */
async function seed(dir: string, entries: Record<string, string[]>, renderer = 'r1') {
  const cache = open(dir, renderer);
  await cache.load(Object.keys(entries));
  for (const [shard, keys] of Object.entries(entries)) for (const key of keys) cache.set(key, shard, rendered(key));
  return cache.save();
}

describe('the disk render cache', () => {
  it('gives a later build what an earlier one rendered', async () => {
    const dir = await tempDir();
    await seed(dir, { '2025-02': ['a', 'b'], '2025-03': ['c'] });
    const cache = open(dir);
    await cache.load(['2025-02', '2025-03']);
    expect(cache.get('a', '2025-02')).toEqual(rendered('a'));
    expect(cache.get('c', '2025-03')).toEqual(rendered('c'));
    expect(cache.get('c', '2025-02')).toBeUndefined();
    expect(await shardFiles(dir)).toEqual(['2025-02.json.gz', '2025-03.json.gz']);
  });

  it('rewrites only the shards that changed', async () => {
    const dir = await tempDir();
    await seed(dir, { '2025-02': ['a'], '2025-03': ['b'] });
    const before = await stat(path.join(dir, 'abstracts/2025-02.json.gz'));
    const cache = open(dir);
    await cache.load(['2025-02', '2025-03']);
    cache.get('a', '2025-02');
    cache.get('b', '2025-03');
    cache.set('new', '2025-03', rendered('new'));
    const report = await cache.save();
    expect(report).toMatchObject({ shards: 2, written: 1, removed: 0, ignored: 0 });
    expect((await stat(path.join(dir, 'abstracts/2025-02.json.gz'))).mtimeMs).toBe(before.mtimeMs);
  });

  it('drops entries and whole shards that no paper of the build used', async () => {
    const dir = await tempDir();
    await seed(dir, { '2025-01': ['gone'], '2025-02': ['kept', 'dropped'] });
    const cache = open(dir);
    await cache.load(['2025-02']);
    cache.get('kept', '2025-02');
    expect(await cache.save()).toMatchObject({ shards: 1, written: 1, removed: 1 });
    expect(await shardFiles(dir)).toEqual(['2025-02.json.gz']);
    const again = open(dir);
    await again.load(['2025-02']);
    expect(again.get('kept', '2025-02')).toBeDefined();
    expect(again.get('dropped', '2025-02')).toBeUndefined();
  });

  it('ignores partial, corrupt and foreign files, and replaces them', async () => {
    const dir = await tempDir();
    await seed(dir, { '2025-01': ['a'], '2025-02': ['b'], '2025-03': ['c'], '2025-04': ['d'] });
    const file = (shard: string) => path.join(dir, 'abstracts', `${shard}.json.gz`);
    const whole = await readFile(file('2025-01'));
    await writeFile(file('2025-01'), whole.subarray(0, whole.length - 9));
    await writeFile(file('2025-02'), 'not gzip at all');
    await writeFile(file('2025-03'), gzipSync('{"format": 1, "renderer": "r1", "entries": [1, 2'));
    await writeFile(file('2025-04'), gzipSync(JSON.stringify({ format: 1, renderer: 'r2', entries: { d: ['<p>d</p>', 'd', false, []] } })));
    const cache = open(dir);
    await cache.load(['2025-01', '2025-02', '2025-03', '2025-04']);
    expect(['a', 'b', 'c', 'd'].map((key, i) => cache.get(key, `2025-0${i + 1}`))).toEqual([undefined, undefined, undefined, undefined]);
    cache.set('a', '2025-01', rendered('a'));
    expect(await cache.save()).toMatchObject({ ignored: 4, written: 1 });
    const again = open(dir);
    await again.load(['2025-01']);
    expect(again.get('a', '2025-01')).toEqual(rendered('a'));
  });

  it('keeps the good entries of a shard that also holds bad ones', async () => {
    const dir = await tempDir();
    await seed(dir, { '2025-05': ['x'] });
    const good = ['<p>g</p>', 'g', false, []];
    const entries = { good, noWarnings: ['<p>h</p>', 'h', false], wrongType: [1, 'x', false, []], badWarning: ['<p>i</p>', 'i', true, [3]] };
    await writeFile(path.join(dir, 'abstracts/2025-05.json.gz'), gzipSync(JSON.stringify({ format: 1, renderer: 'r1', entries })));
    const cache = open(dir);
    await cache.load(['2025-05']);
    expect(['good', 'noWarnings', 'wrongType', 'badWarning'].map((k) => cache.get(k, '2025-05')?.text)).toEqual(['g', undefined, undefined, undefined]);
  });

  it('stays readable when two builds save the same shards at once', async () => {
    const dir = await tempDir();
    const keys = Array.from({ length: 400 }, (_, i) => `key-${i}`);
    await Promise.all([1, 2, 3, 4].map(() => seed(dir, { '2025-06': keys, '2025-07': keys })));
    const cache = open(dir);
    await cache.load(['2025-06', '2025-07']);
    expect(keys.every((key) => cache.get(key, '2025-06') && cache.get(key, '2025-07'))).toBe(true);
    expect(await shardFiles(dir)).toEqual(['2025-06.json.gz', '2025-07.json.gz']);
  });

  it('removes temporary files of builds that died, not those of builds still writing', async () => {
    const dir = await tempDir();
    await seed(dir, { '2025-08': ['a'] });
    const dead = path.join(dir, 'abstracts/2025-08.json.gz.111.dead.tmp');
    const live = path.join(dir, 'abstracts/2025-08.json.gz.222.live.tmp');
    await writeFile(dead, 'x');
    await writeFile(live, 'x');
    await utimes(dead, new Date(NOW - 2 * 3600_000), new Date(NOW - 2 * 3600_000));
    await utimes(live, new Date(NOW - 60_000), new Date(NOW - 60_000));
    const cache = open(dir);
    await cache.load(['2025-08']);
    cache.get('a', '2025-08');
    await cache.save();
    expect(await shardFiles(dir)).toEqual(['2025-08.json.gz', '2025-08.json.gz.222.live.tmp']);
  });

  it('keeps odd shard names inside its folder', async () => {
    const dir = await tempDir();
    await seed(dir, { '../../escape': ['a'] });
    const files = await shardFiles(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^x-[0-9a-f]+\.json\.gz$/);
  });

  it('reports what it did in one line', () => {
    expect(formatCacheReport({ dir: '/p/.cache/paperfeed', shards: 27, written: 1, removed: 0, ignored: 0, bytes: 41_300_000 }, () => '.cache/paperfeed'))
      .toBe('cache: 1 of 27 shards written, 0 removed, 0 ignored (41.3 MB in .cache/paperfeed)');
    expect(formatCacheReport({ dir: 'c', shards: 1, written: 1, removed: 2, ignored: 1, bytes: 1200 })).toBe(
      'cache: 1 of 1 shards written, 2 removed, 1 ignored (unreadable or from another renderer) (2 kB in c)',
    );
  });
});

async function treeHash(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const hashes: Record<string, string> = {};
  for (const entry of entries.filter((e) => e.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    hashes[path.relative(dir, file)] = createHash('sha256').update(await readFile(file)).digest('hex');
  }
  return hashes;
}

/** Papers over three months, each with its own abstract (equal abstracts share one cache entry). */
function corpus(): Record<string, string> {
  const files: Record<string, string> = {};
  ['2025-01-06', '2025-01-07', '2025-02-03', '2025-02-04', '2025-03-10', '2025-03-11'].forEach((date, i) => {
    files[`p${i}.md`] = paperSource(paperFields({ date }), `Abstract number ${i}, with math $a_${i} + b$ and text.`);
  });
  return files;
}

const renderLine = (stdout: string) => /render: (\d+) abstracts, (\d+) from cache/.exec(stdout)?.slice(1).map(Number);

describe('builds with a warm cache', () => {
  it('re-render only new or changed abstracts, and write the same site as a cold build', async () => {
    const papers = await writePapers(corpus());
    const cacheDir = await tempDir();
    const cold = await runBuild(papers, { cacheDir });
    expect(cold.code).toBe(0);
    expect(renderLine(cold.stdout)).toEqual([6, 0]);
    expect(cold.stdout).toMatch(/^cache: \d+ of \d+ shards written/m);

    const changed = (await readFile(path.join(papers, 'p2.md'), 'utf8')).replace('Abstract number 2', 'A changed abstract');
    await writeFile(path.join(papers, 'p2.md'), changed);
    await writeFile(path.join(papers, 'new-one.md'), paperSource(paperFields({ date: '2025-03-11' }), 'A new paper.'));
    const warm = await runBuild(papers, { cacheDir });
    expect(warm.code).toBe(0);
    expect(renderLine(warm.stdout)).toEqual([7, 5]);

    const fresh = await runBuild(papers, { cacheDir: await tempDir() });
    expect(renderLine(fresh.stdout)).toEqual([7, 0]);
    expect(await treeHash(warm.outDir)).toEqual(await treeHash(fresh.outDir));
  });

  it('survive two builds sharing one cache at the same time', async () => {
    const papers = await writePapers(corpus());
    const cacheDir = await tempDir();
    const runs = await Promise.all([runBuild(papers, { cacheDir }), runBuild(papers, { cacheDir })]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const third = await runBuild(papers, { cacheDir });
    expect(renderLine(third.stdout)).toEqual([6, 6]);
  });
});
