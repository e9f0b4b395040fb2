import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runImportCommand } from '../src/import-cli.ts';
import { fixture, fixtures, hfEntry, serve, type TestServer } from './helpers/imports.ts';
import { root } from './helpers/site.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Runs the command in-process with a fresh papers folder; returns its exit code, output lines and folder. */
async function run(args: string[], papers?: string) {
  const dir = papers ?? (await mkdtemp(path.join(os.tmpdir(), 'paperfeed-cli-')));
  const out: string[] = [];
  const err: string[] = [];
  let clock = 0;
  const code = await runImportCommand([...args, '--papers', dir], { root, cwd: fixtures, out: (l) => out.push(l), err: (l) => err.push(l), now: () => (clock += 5), tag: 'test' });
  return { code, out, err, dir };
}

const files = async (dir: string) => (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.md')).sort();

describe('npm run import', () => {
  it('imports a response file and reports each phase, each file and the counts', async () => {
    const { code, out, err, dir } = await run(['hf', 'hf/2025-03-19.json']);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual([
      'read: 4 entries from hf/2025-03-19.json (hf, 5 ms)',
      'days: 2025-03-19 (4)',
      `index: 0 paper files under ${dir} (5 ms)`,
      'check: 4 valid, 0 invalid (5 ms)',
      'write: 4 files (5 ms)',
      ...['2503.12329', '2503.14378', '2503.14492', '2503.14125'].map((id) => `  created ${path.join(dir, '2025', '03', `${id}.md`)}`),
      'import: 4 created, 0 updated, 0 unchanged, 0 skipped; 4 files written',
    ]);
    expect((await run(['hf', 'hf/2025-03-19.json'], dir)).out.at(-1)).toBe('import: 0 created, 0 updated, 4 unchanged, 0 skipped; 0 files written');
  });

  it('prints notes from the source: a split day, a partial result list', async () => {
    const { out } = await run(['hf', 'hf/2025-01-06.json']);
    expect(out).toContain('days: 2025-01-05 (2), 2025-01-06 (2)');
    expect(out.some((line) => line.startsWith('note: 4 of 4 entries give no listing day'))).toBe(true);
  });

  it('writes nothing when an entry is invalid, naming each problem, and exits 1', async () => {
    server = await serve((_, res) => res.end(JSON.stringify([hfEntry(), hfEntry({ id: '2503.99999', summary: '' }, { summary: undefined }), hfEntry({ id: 'x' })])));
    const { code, err, dir } = await run(['hf', `${server.url}/api/daily_papers`]);
    expect(code).toBe(1);
    expect(err).toEqual([
      'entry 2 (2503.99999): error: abstract: is empty: the entry has no abstract',
      'entry 3 (x): error: arxiv: "x" is not an arXiv id: use the new form 2310.02970 (with a version: 2310.02970v3) or the old form hep-th/9901001',
      'import failed: 2 of 3 entries are invalid, so nothing was written. Fix the source, or pass --skip-invalid to import the 1 valid entries.',
    ]);
    expect(await files(dir)).toEqual([]);
  });

  it('skips invalid entries with --skip-invalid, and says so', async () => {
    server = await serve((_, res) => res.end(JSON.stringify([hfEntry(), hfEntry({ id: 'x' })])));
    const { code, out, err, dir } = await run(['hf', `${server.url}/api`, '--skip-invalid']);
    expect(code).toBe(0);
    expect(err).toEqual([expect.stringMatching(/^entry 2 \(x\): skipped: arxiv: /)]);
    expect(out.at(-1)).toBe('import: 1 created, 0 updated, 0 unchanged, 1 skipped; 1 files written');
    expect(await files(dir)).toEqual([path.join('2025', '03', '2503.12329.md')]);
  });

  it('shows what a dry run would do and writes nothing', async () => {
    const { code, out, dir } = await run(['arxiv', 'arxiv/query.atom.xml', '--dry-run', '--date', '2025-07-01']);
    expect(code).toBe(0);
    expect(out).toContain(`  would be created ${path.join(dir, '2025', '07', 'hep-th-9901001.md')}`);
    expect(out.at(-1)).toBe('dry run: 8 created, 0 updated, 0 unchanged, 0 skipped; nothing was written');
    expect(await files(dir)).toEqual([]);
  });

  it('lists a Hugging Face URL\'s entries on the day the URL names', async () => {
    server = await serve((_, res) => res.end(fixture('hf/2025-01-06.json')));
    const { code, out, dir } = await run(['hf', `${server.url}/api/daily_papers?date=2025-01-06`]);
    expect(code).toBe(0);
    expect(out[0]).toBe('date: 2025-01-06 (from the URL)');
    expect((await files(dir)).every((f) => f.startsWith(path.join('2025', '01')))).toBe(true);
    expect(await readFile(path.join(dir, '2025', '01', '2501.01904.md'), 'utf8')).toContain('date: 2025-01-06\n');
  });

  it.each([
    [(url: string) => ['arxiv', `${url}/api/query`], 'import failed: '],
    [(url: string) => ['hf', `${url}/slow`, '--timeout', '0.2'], 'import failed: no complete answer from 127.0.0.1'],
  ])('fails with one clear line when the server errs or is too slow (%#)', async (args, message) => {
    server = await serve((req, res) => {
      if (req.url === '/slow') return;
      res.statusCode = 500;
      res.end('Internal Server Error');
    });
    const { code, err, dir } = await run(args(server.url));
    expect(code).toBe(1);
    expect(err).toEqual([expect.stringContaining(message)]);
    expect(await files(dir)).toEqual([]);
  });

  it.each([
    [[], 'say what to import'],
    [['rss', 'x'], 'unknown source kind "rss"'],
    [['hf'], 'give a file, a URL or - for standard input'],
    [['hf', 'a', 'b'], 'one source at a time'],
    [['hf', 'a', '--date', '2025-02-30'], '--date must be a real day'],
    [['hf', 'a', '--timeout', 'soon'], '--timeout must be a number of seconds'],
    [['hf', 'a', '--force'], "Unknown option '--force'"],
  ])('explains wrong usage %j and exits 2', async (args, message) => {
    const { code, err } = await run(args);
    expect(code).toBe(2);
    expect(err[0]).toContain(message);
    expect(err[1]).toMatch(/^usage: npm run import -- <hf\|arxiv>/);
  });
});

describe('the import script', () => {
  it('runs through npm from another folder, reading paths relative to that folder', async () => {
    const papers = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-npm-'));
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile('npm', ['run', '--silent', '--prefix', root, 'import', '--', 'arxiv', 'arxiv/query.atom.xml', '--papers', papers], { cwd: fixtures }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('import: 8 created, 0 updated, 0 unchanged, 0 skipped; 8 files written');
    expect(await files(papers)).toHaveLength(8);
  });
});
