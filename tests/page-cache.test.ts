import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { codeFingerprint, keepEntry, openPageCache, restoreEntry, type PageCache } from '../src/page-cache.ts';
import { root } from './helpers/site.ts';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-page-cache-'));
});

/** Writes `files` (name → body) under a fresh output folder; returns their paths there. */
function output(name: string, files: Record<string, string>): string[] {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  return Object.entries(files).map(([file, body]) => {
    const target = path.join(dir, file);
    writeFileSync(target, body);
    return target;
  });
}

function targets(name: string, files: string[]): string[] {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  return files.map((file) => path.join(dir, file));
}

/** What a build's page writer does with the cache (src/bulk-pages.ts `writePages`): links an entry the cache lists into the output… */
function restore(cache: PageCache, key: string, files: string[]): boolean {
  if (!cache.has(key, files.length) || !restoreEntry(cache.dir, key, files)) return false;
  cache.track(key, files.length, true);
  return true;
}

/** …or keeps the files it wrote. */
function keep(cache: PageCache, key: string, files: string[]): void {
  keepEntry(cache.dir, key, files, new Set());
  cache.track(key, files.length, false);
}

const entries = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;

describe('codeFingerprint', () => {
  it('is the same for the same layouts, code and lockfile, and changes when any of them does', async () => {
    const project = path.join(work, 'project');
    for (const part of ['layouts', 'src']) await cp(path.join(root, part), path.join(project, part), { recursive: true });
    await cp(path.join(root, 'package-lock.json'), path.join(project, 'package-lock.json'));
    const first = codeFingerprint(project);
    expect(codeFingerprint(project)).toBe(first);
    expect(codeFingerprint(root)).toBe(first);

    writeFileSync(path.join(project, 'layouts/partials/card.njk'), `${readFileSync(path.join(project, 'layouts/partials/card.njk'), 'utf8')} `);
    const layout = codeFingerprint(project);
    expect(layout).not.toBe(first);
    writeFileSync(path.join(project, 'src/filters.ts'), `${readFileSync(path.join(project, 'src/filters.ts'), 'utf8')}\n`);
    const code = codeFingerprint(project);
    expect(code).not.toBe(layout);
    writeFileSync(path.join(project, 'src/new-module.ts'), 'export {};\n');
    const added = codeFingerprint(project);
    expect(added).not.toBe(code);
    writeFileSync(path.join(project, 'package-lock.json'), '{}');
    expect(codeFingerprint(project)).not.toBe(added);
  });
});

describe('a page cache', () => {
  it('keys pages by their inputs, the code and the site-wide data', () => {
    const cache = openPageCache(path.join(work, 'cache'), 'code', { title: 'site' });
    const key = cache.key({ paper: { id: 'a', title: 'A' } });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cache.key({ paper: { id: 'a', title: 'A' } })).toBe(key);
    expect(cache.key({ paper: { id: 'a', title: 'A!' } })).not.toBe(key);
    expect(openPageCache(path.join(work, 'cache'), 'code', { title: 'site' }).key({ paper: { id: 'a', title: 'A' } })).toBe(key);
    expect(openPageCache(path.join(work, 'cache'), 'other code', { title: 'site' }).key({ paper: { id: 'a', title: 'A' } })).not.toBe(key);
    expect(openPageCache(path.join(work, 'cache'), 'code', { title: 'renamed' }).key({ paper: { id: 'a', title: 'A' } })).not.toBe(key);
  });

  it('misses on an empty cache, keeps what was written, and puts it back as the same files in the next output', () => {
    const dir = path.join(work, 'cache');
    const first = openPageCache(dir, 'code', {});
    const key = first.key({ id: 'a' });
    const wanted = targets('miss', ['index.html', 'cite.bib']);
    expect(restore(first, key, wanted)).toBe(false);
    expect(wanted.filter((file) => existsSync(file))).toEqual([]);

    const written = output('one', { 'index.html': '<p>page</p>', 'cite.bib': '@misc{a}' });
    keep(first, key, written);
    expect(first.stats).toEqual({ hits: 0, misses: 1 });

    const next = openPageCache(dir, 'code', {});
    const again = targets('two', ['index.html', 'cite.bib']);
    expect(restore(next, next.key({ id: 'a' }), again)).toBe(true);
    expect(again.map((file) => readFileSync(file, 'utf8'))).toEqual(['<p>page</p>', '@misc{a}']);
    // Hard links: the same file as the last output's, no bytes written.
    expect(statSync(again[0] as string).ino).toBe(statSync(written[0] as string).ino);
    expect(next.stats).toEqual({ hits: 1, misses: 0 });
    expect(restore(next, next.key({ id: 'b' }), targets('three', ['index.html']))).toBe(false);
  });

  it('renders an entry that lost a file again, leaving nothing of it behind, and keeps it whole again', () => {
    const dir = path.join(work, 'cache');
    const cache = openPageCache(dir, 'code', {});
    const key = cache.key({ id: 'a' });
    keep(cache, key, output('one', { 'index.html': 'page', 'cite.bib': 'bib', 'a.json': '{}' }));
    unlinkSync(path.join(dir, key.slice(0, 2), `${key}-1`));

    const wanted = targets('two', ['index.html', 'cite.bib', 'a.json']);
    expect(restore(cache, key, wanted)).toBe(false);
    expect(wanted.filter((file) => existsSync(file))).toEqual([]);

    // The build then renders the page and keeps it over the old entry's remains.
    keep(cache, key, output('three', { 'index.html': 'new page', 'cite.bib': 'new bib', 'a.json': '[]' }));
    const restored = targets('four', ['index.html', 'cite.bib', 'a.json']);
    expect(restore(cache, key, restored)).toBe(true);
    expect(restored.map((file) => readFileSync(file, 'utf8'))).toEqual(['new page', 'new bib', '[]']);
  });

  it('never changes a kept file when the output it came from is replaced', () => {
    const dir = path.join(work, 'cache');
    const cache = openPageCache(dir, 'code', {});
    const key = cache.key({ id: 'a' });
    const [page] = output('one', { 'index.html': 'kept' });
    keep(cache, key, [page as string]);
    // What the build does to its output: removes it whole (the old output after a swap), never writes into it.
    unlinkSync(page as string);
    writeFileSync(page as string, 'a new build');
    const [restored] = targets('two', ['index.html']);
    expect(restore(cache, key, [restored as string])).toBe(true);
    expect(readFileSync(restored as string, 'utf8')).toBe('kept');
  });

  it('removes the entries a build did not use, and files that are not entries', () => {
    const dir = path.join(work, 'cache');
    const old = openPageCache(dir, 'code', {});
    for (const id of ['a', 'b', 'c']) keep(old, old.key({ id }), output(`old-${id}`, { 'index.html': id, 'x.json': id }));
    writeFileSync(path.join(dir, readdirSync(dir)[0] as string, 'stray.tmp'), 'x');
    expect(entries(dir)).toBe(7);

    const next = openPageCache(dir, 'code', {});
    expect(restore(next, next.key({ id: 'a' }), targets('new-a', ['index.html', 'x.json']))).toBe(true);
    keep(next, next.key({ id: 'd' }), output('new-d', { 'index.html': 'd', 'x.json': 'd' }));
    expect(next.prune()).toBe(3);
    expect(entries(dir)).toBe(4);
    expect(restore(openPageCache(dir, 'code', {}), next.key({ id: 'b' }), targets('b', ['index.html', 'x.json']))).toBe(false);
    expect(openPageCache(path.join(work, 'none'), 'code', {}).prune()).toBe(0);
  });
});
