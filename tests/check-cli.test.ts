import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheckCommand } from '../src/check-cli.ts';
import { hostileCorpus } from './helpers/corpus.ts';
import { paperFields, paperSource, writePapers } from './helpers/papers.ts';
import { root, runBuild } from './helpers/site.ts';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let clock = 0;
  const code = await runCheckCommand(args, { root, cwd: root, out: (l) => out.push(l), err: (l) => err.push(l), now: () => (clock += 7) });
  return { code, out, err };
}

const brokenCorpus = () => ({
  'a.md': paperSource(paperFields({ autors: ['Ada'], date: '2025-02-30' })),
  'b.md': paperSource(paperFields({ arxiv: '2501.00001' })),
  'c/b-again.md': paperSource(paperFields({ arxiv: '2501.00001v2' })),
  'd.md': '---\ntitle: [unclosed\n---\n\nBody\n',
  'e.md': paperSource(paperFields(), ''),
  'ok.md': paperSource(paperFields()),
});

describe('npm run check:content', () => {
  it('passes the sample content and says how much it checked', async () => {
    expect(await run([])).toEqual({ code: 0, out: ['check: 9 paper files, 0 errors, 0 warnings (7 ms)'], err: [] });
  });

  it('prints every problem with exactly the build\'s messages, and exits 1', async () => {
    const dir = await writePapers(brokenCorpus());
    const { code, err } = await run(['--papers', dir]);
    const build = await runBuild(dir);
    expect(code).toBe(1);
    expect(err.at(-1)).toBe('check failed: 6 paper files, 5 errors, 0 warnings (7 ms); fix them and check again');
    expect(err.slice(0, -1)).toEqual(build.stderr.trim().split('\n').slice(0, -1));
    expect(err.slice(0, -1)).toHaveLength(5);
  });

  it('reports math KaTeX rejects with --math, as the build warns, without failing', async () => {
    const dir = await writePapers({ 'heavy-tex.md': hostileCorpus()['2025/01/heavy-tex.md'] as string });
    expect((await run(['--papers', dir])).err).toEqual([]);
    const { code, err } = await run(['--papers', dir, '--math']);
    const build = await runBuild(dir);
    expect(code).toBe(0);
    expect(err.length).toBeGreaterThan(0);
    expect(err).toEqual(build.stderr.trim().split('\n'));
  });

  it('reads --papers relative to the folder it runs in', async () => {
    const dir = await writePapers({ 'x.md': paperSource(paperFields()) });
    const code = await runCheckCommand(['--papers', path.basename(dir)], { root, cwd: path.dirname(dir), out: () => {}, err: () => {}, now: () => 0 });
    expect(code).toBe(0);
  });

  it('explains wrong usage and exits 2', async () => {
    const { code, err } = await run(['--fix']);
    expect(code).toBe(2);
    expect(err[1]).toBe('usage: npm run check:content [-- --papers DIR] [--math]');
  });
});
