import { cp, mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { onError, onPostBuild, onPreBuild } from '../netlify/plugins/render-cache/index.js';
import { RENDER_CACHE_DIR } from '../src/site.ts';
import { paperFields, paperSource, writePapers } from './helpers/papers.ts';
import { root, runBuild } from './helpers/site.ts';

const tempDir = (prefix: string) => mkdtemp(path.join(os.tmpdir(), prefix));

/**
 * A stand-in for Netlify's `utils.cache`: like @netlify/cache-utils, `save` copies a path (relative
 * to the build folder) into a store that outlives the build, `restore` copies it back, each moving
 * instead when asked (`move: true`), and each says whether there was anything to copy.
 */
async function transfer(from: string, to: string, move = false) {
  await mkdir(path.dirname(to), { recursive: true });
  if (move) await rename(from, to);
  else await cp(from, to, { recursive: true });
}

function fakeNetlifyCache(store: string, buildDir: string) {
  const calls: string[] = [];
  const exists = (p: string) => stat(p).then(() => true, () => false);
  return {
    calls,
    cache: {
      async save(p: string, options: { move?: boolean } = {}) {
        calls.push(`save ${p}${options.move ? ' (move)' : ''}`);
        if (!(await exists(path.resolve(buildDir, p)))) return false;
        await rm(path.join(store, p), { recursive: true, force: true });
        await transfer(path.resolve(buildDir, p), path.join(store, p), options.move);
        return true;
      },
      async restore(p: string, options: { move?: boolean } = {}) {
        calls.push(`restore ${p}${options.move ? ' (move)' : ''}`);
        if (!(await exists(path.join(store, p)))) return false;
        await transfer(path.join(store, p), path.resolve(buildDir, p), options.move);
        return true;
      },
    },
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the render-cache build plugin', () => {
  it('declares the folder the build writes its cache to', async () => {
    const manifest = parse(await readFile(path.join(root, 'netlify/plugins/render-cache/manifest.yml'), 'utf8')) as { name: string; inputs: { name: string; default: string }[] };
    expect(manifest.inputs).toEqual([expect.objectContaining({ name: 'path', default: RENDER_CACHE_DIR })]);
  });

  it('restores before the build and saves after it, also after a failed build', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const { cache, calls } = fakeNetlifyCache(await tempDir('store-'), await tempDir('build-'));
    await onPreBuild({ utils: { cache } });
    await onPostBuild({ utils: { cache } });
    await onError({ utils: { cache }, inputs: { path: 'elsewhere/cache' } });
    expect(calls).toEqual(['restore .cache/paperfeed (move)', 'save .cache/paperfeed (move)', 'save elsewhere/cache (move)']);
    expect(log.mock.calls.map(([line]) => line)).toEqual([
      'render cache: nothing cached at .cache/paperfeed yet: this build renders every abstract',
      'render cache: .cache/paperfeed does not exist, nothing to save (was the build run with --no-cache?)',
      'render cache: elsewhere/cache does not exist, nothing to save (was the build run with --no-cache?)',
    ]);
  });

  it('carries rendered abstracts and pages from one Netlify build to the next', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const papers = await writePapers({
      'a.md': paperSource(paperFields({ date: '2025-03-10' }), 'First abstract, $x$.'),
      'b.md': paperSource(paperFields({ date: '2025-03-11' }), 'Second abstract.'),
    });
    const store = await tempDir('store-');
    for (const expected of [[2, 0], [2, 2]]) {
      const buildDir = await tempDir('checkout-');
      const { cache } = fakeNetlifyCache(store, buildDir);
      await onPreBuild({ utils: { cache } });
      const run = await runBuild(papers, { cacheDir: path.join(buildDir, RENDER_CACHE_DIR) });
      expect(run.code).toBe(0);
      expect(/render: (\d+) abstracts, (\d+) from cache/.exec(run.stdout)?.slice(1).map(Number)).toEqual(expected);
      expect(/papers: 2 paper pages .*?(?:, (\d+) from the page cache)? \(/.exec(run.stdout)?.[1] ?? '0').toBe(String(expected[1]));
      await onPostBuild({ utils: { cache } });
    }
  });
});
