import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planSearchIndex, SearchIndexError, writeSearchIndex } from '../src/search-index.ts';
import { indexInChildProcess, takeSearchJob, writeSearchJob } from '../src/search-process.ts';
import { defaultSettings } from '../src/site.ts';
import { renderedPaper, unrendered } from './helpers/rendered.ts';
import { root } from './helpers/site.ts';

const FAILING_SERVICE = path.join(root, 'tests/fixtures/failing-pagefind.mjs');
const settings = { ...defaultSettings, searchShardPapers: 2 };
const temp = () => mkdtemp(path.join(os.tmpdir(), 'paperfeed-search-process-'));
const papers = () => [
  renderedPaper({ date: '2025-03-10', title: 'Oldest' }),
  renderedPaper({ date: '2025-03-10', title: 'Also oldest' }),
  renderedPaper({ date: '2025-03-11', title: 'Middle' }, 'Spaces $\\mathbb{R}^3$ and \\(SE(3)\\).'),
  renderedPaper({ date: '2025-04-02', title: 'Newest' }),
];

async function tree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return Object.fromEntries(await Promise.all(files.map(async (f) => [path.relative(dir, f), (await readFile(f)).toString('base64')])));
}

describe('indexInChildProcess', () => {
  afterEach(() => {
    delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
  });

  it('writes the same index as indexing in this process, from Markdown or text, reports its lines and removes the job file', async () => {
    const [dir, inProcess] = [await temp(), await temp()];
    const jobFile = path.join(dir, 'job');
    const lines: string[] = [];
    const list = papers();
    // A build hands over the abstracts the render cache did not know as Markdown: the child parses them.
    const sources = list.map((paper, i) => (i % 2 === 0 ? unrendered(paper) : paper));
    const run = indexInChildProcess({ plan: planSearchIndex(sources, settings), outDir: path.join(dir, 'site') }, jobFile, (l) => lines.push(l));
    const result = await run.done;
    await writeSearchIndex({ papers: list, outDir: inProcess, settings });
    expect(await tree(path.join(dir, 'site'))).toEqual(await tree(inProcess));
    expect(result.manifest.shards.map((s) => s.path)).toEqual(['/pagefind/', '/pagefind/2025-03-10/']);
    expect(result.pruned).toBe(0);
    expect(lines.at(-1)).toMatch(/^search: 4 papers in 2 indexes, \d+ files \(\d+ ms\)$/);
    expect(await readdir(dir)).toEqual(['site']);
  });

  it('keeps shards in the disk cache, reuses them and removes the packs a later build did not use', async () => {
    const [dir, cacheDir] = [await temp(), await temp()];
    const run = (list: ReturnType<typeof papers>, name: string, lines: string[] = []) =>
      indexInChildProcess({ plan: planSearchIndex(list, settings), outDir: path.join(dir, name), cacheDir }, path.join(dir, `${name}.job`), (l) => lines.push(l)).done;
    const list = papers();
    await run(list, 'first');
    const packs = async () => (await readdir(cacheDir)).filter((f) => f.endsWith('.pfpack')).sort();
    const first = await packs();
    expect(first).toHaveLength(2);
    const lines: string[] = [];
    const changed = [...list.slice(0, 3), renderedPaper({ date: '2025-04-02', title: 'Newest, revised' })];
    const second = await run(changed, 'second', lines);
    expect(lines.map((l) => l.replace(/ \(\d+ ms\)$/, '')).slice(0, 2)).toEqual([
      'search: 2025-03-11 – 2025-04-02: 2 papers', 'search: 2025-03-10 – 2025-03-10: 2 papers, cached',
    ]);
    expect(second.pruned).toBe(1);
    const now = await packs();
    expect(now).toHaveLength(2);
    expect(now.filter((p) => first.includes(p))).toHaveLength(1);
  });

  it('rejects with Pagefind\'s message when Pagefind fails, and removes the job file', async () => {
    process.env.PAGEFIND_EXTENDED_BINARY_PATH = FAILING_SERVICE;
    const dir = await temp();
    const jobFile = path.join(dir, 'job');
    const run = indexInChildProcess({ plan: planSearchIndex(papers(), settings), outDir: path.join(dir, 'site') }, jobFile, () => {});
    await expect(run.done).rejects.toThrow(SearchIndexError);
    await expect(run.done).rejects.toThrow(/starting Pagefind failed: No space left on device/);
    expect(existsSync(jobFile)).toBe(false);
    expect((await readdir(dir)).filter((f) => f.startsWith('job'))).toEqual([]);
  });

  it('rejects when the indexing process is stopped before it finished', async () => {
    const dir = await temp();
    const run = indexInChildProcess({ plan: planSearchIndex(papers(), settings), outDir: path.join(dir, 'site') }, path.join(dir, 'job'), () => {});
    run.cancel();
    await expect(run.done).rejects.toThrow(/the indexing process stopped \(SIGTERM\) before it finished/);
    expect((await readdir(dir)).filter((f) => f.startsWith('job'))).toEqual([]);
  });

  it('rejects with the reason when the output folder cannot be written', async () => {
    const dir = await temp();
    await writeFile(path.join(dir, 'site'), 'a file where the site folder should be');
    const run = indexInChildProcess({ plan: planSearchIndex(papers(), settings), outDir: path.join(dir, 'site') }, path.join(dir, 'job'), () => {});
    await expect(run.done).rejects.toThrow(/^search index: .*(ENOTDIR|EEXIST)/);
  });
});

describe('search job files', () => {
  it('carry a plan through V8 serialization exactly, a shard\'s search sources in a file of its own, each removed once read', async () => {
    const dir = await temp();
    const file = path.join(dir, 'job');
    const plan = planSearchIndex(papers(), settings);
    writeSearchJob(file, { plan, outDir: '/tmp/site', cacheDir: '/tmp/cache' });
    expect((await readdir(dir)).sort()).toEqual(['job', 'job.0', 'job.1']);
    const job = takeSearchJob(file);
    expect((await readdir(dir)).sort()).toEqual(['job.0', 'job.1']);
    expect({ ...job, plan: { ...job.plan, shards: [] } }).toEqual({ outDir: '/tmp/site', cacheDir: '/tmp/cache', plan: { ...plan, shards: [] } });
    expect(job.plan.shards.map(({ first, last, papers: count }) => [first, last, count])).toEqual(plan.shards.map(({ first, last, papers: count }) => [first, last, count]));
    expect(job.plan.shards[1]!.sources()).toEqual(plan.shards[1]!.sources());
    expect(await readdir(dir)).toEqual(['job.0']);
    expect(job.plan.shards[0]!.sources()).toEqual(plan.shards[0]!.sources());
    expect(await readdir(dir)).toEqual([]);
  });
});
