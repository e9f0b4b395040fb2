import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNewCommand } from '../src/new-cli.ts';
import { paperFields, paperSource, writePapers } from './helpers/papers.ts';
import { root } from './helpers/site.ts';

async function run(args: string[], papers?: string) {
  const dir = papers ?? (await mkdtemp(path.join(os.tmpdir(), 'paperfeed-new-')));
  const out: string[] = [];
  const err: string[] = [];
  const code = await runNewCommand([...args, '--papers', dir], { root, cwd: root, out: (l) => out.push(l), err: (l) => err.push(l), today: () => '2025-03-14' });
  return { code, out, err, dir };
}

const files = async (dir: string) => (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.md')).sort();

describe('npm run new', () => {
  it('scaffolds a paper by arXiv id, listed today, and says what to do next', async () => {
    const { code, out, err, dir } = await run(['2310.02970v2']);
    const file = path.join(dir, '2025', '03', '2310.02970.md');
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual([
      "date: 2025-03-14 (today in UTC, from this computer's clock; --date YYYY-MM-DD to choose another)",
      `created ${file}`,
      'next: write the title (after title:) and the abstract (below the closing ---), then run npm run check:content',
      '      or fill it from arXiv: npm run import -- arxiv "https://export.arxiv.org/api/query?id_list=2310.02970"',
    ]);
    expect(await readFile(file, 'utf8')).toMatch(/^---\ntitle: +# required.*\ndate: 2025-03-14\narxiv: "2310.02970v2"\n/);
  });

  it('scaffolds a paper by title, named by its slug, on the day given', async () => {
    const { code, out, dir } = await run(['A New Paper, Written by Hand', '--date', '2024-12-30']);
    expect(code).toBe(0);
    expect(out[0]).toBe('date: 2024-12-30 (from --date)');
    expect(await files(dir)).toEqual([path.join('2024', '12', 'a-new-paper-written-by-hand.md')]);
  });

  it('never overwrites: not the same paper anywhere in the folder, nor a file at the same path', async () => {
    const dir = await writePapers({ 'elsewhere/mine.md': paperSource(paperFields({ arxiv: '2310.02970v1' })), '2025/03/a-title.md': paperSource(paperFields({ arxiv: undefined })) });
    const before = await readFile(path.join(dir, 'elsewhere/mine.md'), 'utf8');
    const byId = await run(['2310.02970'], dir);
    expect(byId.code).toBe(1);
    expect(byId.err).toEqual([`new: paper 2310.02970 already exists: ${path.join(dir, 'elsewhere/mine.md')} — edit that file (nothing was written)`]);
    expect((await run(['A Title'], dir)).code).toBe(1);
    expect(await files(dir)).toEqual(['2025/03/a-title.md', 'elsewhere/mine.md']);
    expect(await readFile(path.join(dir, 'elsewhere/mine.md'), 'utf8')).toBe(before);
  });

  it.each([
    [[], 'give an arXiv id or a title'],
    [['a', 'b'], 'give one arXiv id or one title'],
    [['2310.02970', '--date', 'today'], '--date must be a real day'],
    [['機械学習'], '--name my-paper-title'],
  ])('explains wrong usage %j and exits 2', async (args, message) => {
    const { code, err, dir } = await run(args);
    expect(code).toBe(2);
    expect(err[0]).toContain(message);
    expect(await files(dir)).toEqual([]);
  });

  it('takes today from the command line\'s clock, in UTC, and prints it', async () => {
    const papers = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-new-'));
    const before = new Date().toISOString().slice(0, 10);
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/new.ts'), '2501.00001', '--papers', papers], { cwd: root, env: { ...process.env, TZ: 'Pacific/Kiritimati' } }, (error, out) =>
        error ? reject(error) : resolve(out),
      );
    });
    const after = new Date().toISOString().slice(0, 10);
    const day = /^date: (\d{4}-\d{2}-\d{2}) \(today in UTC/.exec(stdout)?.[1];
    expect([before, after]).toContain(day);
    expect(await readFile(path.join(papers, day!.slice(0, 4), day!.slice(5, 7), '2501.00001.md'), 'utf8')).toContain(`date: ${day}\n`);
  });
});
