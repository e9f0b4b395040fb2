import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputFiles, type OutputFile } from '../src/bulk-files.ts';

const temp = () => mkdtemp(path.join(os.tmpdir(), 'paperfeed-bulk-'));

describe('writeOutputFiles', () => {
  it('writes every file of a long run in its folder, making folders as needed, and counts them', async () => {
    const out = await temp();
    const files = function* (): Generator<OutputFile> {
      for (let i = 0; i < 500; i++) yield { path: `/papers/p${i % 50}/f${i}.txt`, body: `file ${i} ✓` };
    };
    expect(writeOutputFiles(out, files())).toBe(500);
    expect((await readdir(path.join(out, 'papers'))).length).toBe(50);
    expect(await readFile(path.join(out, 'papers/p7/f457.txt'), 'utf8')).toBe('file 457 ✓');
  });

  it('makes a folder once for all the files in it', async () => {
    const out = await temp();
    expect(writeOutputFiles(out, [{ path: '/a/index.html', body: 'a' }, { path: '/a/cite.bib', body: 'b' }, { path: '/a/b/c.json', body: '{}' }])).toBe(3);
    expect((await readdir(path.join(out, 'a'))).sort()).toEqual(['b', 'cite.bib', 'index.html']);
  });

  it('fails with the file system\'s error when a file cannot be written, and stops making files', async () => {
    const out = await temp();
    await writeFile(path.join(out, 'blocked'), 'a file where a folder should be');
    let made = 0;
    const files = function* (): Generator<OutputFile> {
      for (let i = 0; i < 1000; i++) {
        made++;
        yield { path: i === 3 ? '/blocked/x.html' : `/ok/${i}.html`, body: 'x' };
      }
    };
    expect(() => writeOutputFiles(out, files())).toThrow(/ENOTDIR|EEXIST/);
    expect(made).toBe(4);
  });

  it('passes on an error thrown while making a file', async () => {
    const files = function* (): Generator<OutputFile> {
      yield { path: '/one.html', body: '1' };
      throw new Error('Template render error: (layouts/pages/paper.njk)');
    };
    const out = await temp();
    expect(() => writeOutputFiles(out, files())).toThrow(/paper\.njk/);
  });
});
