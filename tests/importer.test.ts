import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArxivFeed } from '../src/import-arxiv.ts';
import { parseHfResponse } from '../src/import-hf.ts';
import { importRecords, type ImportOptions } from '../src/importer.ts';
import { parsePaper } from '../src/content.ts';
import { renderScaffold } from '../src/scaffold.ts';
import { HOSTILE } from './helpers/corpus.ts';
import { fixture, HF_FIXTURES, hfEntry } from './helpers/imports.ts';
import { paperFields, paperSource, writePapers } from './helpers/papers.ts';
import { readPage, runBuild, type BuildRun } from './helpers/site.ts';

const newDir = () => mkdtemp(path.join(os.tmpdir(), 'paperfeed-import-'));

/** Imports a response text (hf JSON or arXiv Atom) into `dir`. */
async function importText(text: string, dir: string, options: Partial<ImportOptions> = {}) {
  const source = text.trimStart().startsWith('<') ? parseArxivFeed(text) : parseHfResponse(text);
  return importRecords(source.records, source.problems, { papersDir: dir, tag: 'test', ...options });
}

async function treeHash(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const hashes: Record<string, string> = {};
  for (const entry of entries.filter((e) => e.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    hashes[path.relative(dir, file)] = createHash('sha256').update(await readFile(file)).digest('hex');
  }
  return hashes;
}

const kinds = (report: Awaited<ReturnType<typeof importText>>) => report.outcomes.map((o) => o.kind);

describe('importing every fixture into an empty folder, then building it', () => {
  let dir: string;
  let build: BuildRun;
  beforeAll(async () => {
    dir = await newDir();
    for (const name of [...HF_FIXTURES, 'arxiv/query.atom.xml']) await importText(fixture(name), dir);
    build = await runBuild(dir);
  });

  it('writes one file per paper, by listing month, with safe names for old-style ids', async () => {
    const files = Object.keys(await treeHash(dir));
    expect(files).toHaveLength(29);
    expect(files).toContain(path.join('2025', '01', '2501.01904.md'));
    expect(files).toContain(path.join('1999', '01', 'hep-th-9901001.md'));
    expect(files).toContain(path.join('2003', '07', 'hep-ex-0307015.md'));
  });

  it('builds without errors or warnings', () => {
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
  });

  it('gives every imported paper its page, with its title, authors and abstract', async () => {
    const $ = await readPage(build.outDir, '/papers/2501.01904/');
    expect($('h1').text()).toBe('Virgo: A Preliminary Exploration on Reproducing o1-like MLLM');
    expect($('.abstract p')).toHaveLength(2);
    const old = await readPage(build.outDir, '/papers/hep-th/9901001/');
    expect(old('h1').text()).toContain('Wilson loops & “quotes”');
    expect(old('.abstract').text()).toContain('<b>bold?</b> & an ampersand');
    expect(old('.abstract script, .abstract b')).toHaveLength(0);
    const authors = parseArxivFeed(fixture('arxiv/query.atom.xml')).records[4]?.fields.authors as string[];
    const big = (await readPage(build.outDir, '/papers/2506.13945/'))('.paper-authors').text();
    for (const name of [authors[0], authors[114], authors[228]]) expect(big).toContain(name);
  });

  it('renders the TeX of imported abstracts at build time', async () => {
    const $ = await readPage(build.outDir, '/papers/2506.13899/');
    expect($('.abstract .katex').length).toBeGreaterThan(10);
  });

  it('makes topics from arXiv categories and lists each day', async () => {
    const topic = await readPage(build.outDir, '/topics/machine-learning/');
    expect(topic('.card-title a').map((_, a) => topic(a).attr('href')).get()).toContain('/papers/2505.21777/');
    const day = await readPage(build.outDir, '/papers/date/2025-03-19/');
    expect(day('.card-title a')).toHaveLength(4);
  });

  it('changes no byte when every fixture is imported again', async () => {
    const before = await treeHash(dir);
    for (const name of [...HF_FIXTURES, 'arxiv/query.atom.xml']) {
      const report = await importText(fixture(name), dir);
      expect(new Set(kinds(report)), name).toEqual(new Set(['unchanged']));
      expect(report.written).toBe(0);
    }
    expect(await treeHash(dir)).toEqual(before);
  });
});

describe('importing into files a maintainer already has', () => {
  it('raises upvotes and fills empty fields from a newer response, and keeps every edit', async () => {
    const dir = await newDir();
    await importText(JSON.stringify([hfEntry({ githubRepo: undefined, projectPage: undefined, upvotes: 17 })]), dir);
    const file = path.join(dir, '2025', '03', '2503.12329.md');
    const edited = (await readFile(file, 'utf8'))
      .replace(/^title: .*$/m, 'title: "CapArena (our title)"   # edited by hand')
      .replace(/^authors:\n(?: {2}- .*\n)+/m, 'authors: [Kanzhi Cheng, "et al."]\n')
      .replace('---\n\n', '---\n\nOur own abstract.\n\n');
    await writeFile(file, edited);

    const newer = hfEntry({ upvotes: 40, title: 'CapArena renamed upstream', summary: 'A new abstract.', githubRepo: 'https://github.com/njucckevin/CapArena' }, { title: 'CapArena renamed upstream' });
    const report = await importText(JSON.stringify([newer]), dir);
    expect(report.outcomes).toEqual([{ entry: 'entry 1 (2503.12329)', kind: 'updated', file, changes: ['upvotes 17 → 40', 'filled code, project'] }]);
    expect(await readFile(file, 'utf8')).toBe(
      edited.replace('upvotes: 17', 'upvotes: 40').replace('published: 2025-03-16\n', 'published: 2025-03-16\ncode: https://github.com/njucckevin/CapArena\nproject: https://caparena.github.io/\n'),
    );
  });

  it('updates the file of the same paper wherever it is, under any name, instead of adding another', async () => {
    const dir = await writePapers({ 'favourites/virgo.md': paperSource(paperFields({ arxiv: '2501.01904v2', date: '2025-01-06', upvotes: 1 })) });
    const report = await importText(fixture('hf/2025-01-06.json'), dir);
    expect(kinds(report)).toEqual(['created', 'updated', 'created', 'created']);
    expect(report.outcomes[1]?.file).toBe(path.join(dir, 'favourites', 'virgo.md'));
    expect(Object.keys(await treeHash(dir))).not.toContain(path.join('2025', '01', '2501.01904.md'));
  });

  it('fills a scaffold made by `npm run new`, which then passes the contract', async () => {
    const dir = await newDir();
    const file = path.join(dir, '2025', '07', '2505.21777.md');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, renderScaffold({ arxiv: '2505.21777', id: '2505.21777' }, '2025-07-01'));
    const report = await importText(fixture('arxiv/query.atom.xml'), dir);
    expect(report.outcomes[0]).toMatchObject({ kind: 'updated', file, changes: ['filled title, category, authors, topics, published, pdf, abstract'] });
    const { paper, problems } = parsePaper(file, await readFile(file));
    expect(problems).toEqual([]);
    expect(paper).toMatchObject({ date: '2025-07-01', arxiv: '2505.21777', category: 'cs.LG', title: expect.stringContaining('Memorization'), draft: false });
  });

  it('completes a paper imported from Hugging Face with arXiv\'s category, topics, venue and PDF, keeping the rest', async () => {
    const dir = await newDir();
    await importText(JSON.stringify([hfEntry({ id: '0704.0001', upvotes: 5 }, { title: 'Diphotons, as listed' })]), dir);
    const file = path.join(dir, '2025', '03', '0704.0001.md');
    const before = await readFile(file, 'utf8');
    const report = await importText(fixture('arxiv/query.atom.xml'), dir);
    expect(report.outcomes[6]).toMatchObject({ kind: 'updated', file, changes: ['filled category, topics, venue, pdf'] });
    const { paper } = parsePaper(file, await readFile(file));
    expect(paper).toMatchObject({ title: 'Diphotons, as listed', upvotes: 5, category: 'hep-ph', topics: ['High Energy Physics - Phenomenology'], venue: 'Phys.Rev.D76:013009,2007' });
    expect((await readFile(file, 'utf8')).startsWith(before.slice(0, before.indexOf('authors:')))).toBe(true);
  });

  it('imports the same paper twice in one response into one file', async () => {
    const dir = await newDir();
    const report = await importText(JSON.stringify([hfEntry({ upvotes: 3 }), hfEntry({ upvotes: 9 })]), dir);
    expect(kinds(report)).toEqual(['created', 'updated']);
    expect(await readFile(path.join(dir, '2025', '03', '2503.12329.md'), 'utf8')).toContain('upvotes: 9\n');
  });
});

describe('invalid entries', () => {
  const response = () => JSON.stringify([hfEntry({ id: '2503.00001' }), hfEntry({ id: '2503.00002', title: ' ' }, { title: undefined }), hfEntry({ id: '2503.00003', upvotes: -1 }), hfEntry({ id: '2503.00004' })]);

  it('write nothing at all, and are reported with position, id and field', async () => {
    const dir = await newDir();
    const report = await importText(response(), dir);
    expect(report.written).toBe(0);
    expect(await readdir(dir)).toEqual([]);
    expect(report.invalid.map((p) => [p.position, p.label, p.field])).toEqual([['entry 2', '2503.00002', 'title'], ['entry 3', '2503.00003', 'upvotes']]);
  });

  it('are skipped with skipInvalid, and the valid entries written', async () => {
    const dir = await newDir();
    const report = await importText(response(), dir, { skipInvalid: true });
    expect(report).toMatchObject({ written: 2, skipped: 2 });
    expect(Object.keys(await treeHash(dir)).sort()).toEqual([path.join('2025', '03', '2503.00001.md'), path.join('2025', '03', '2503.00004.md')]);
  });

  it('include a paper whose id is in two files already, naming both', async () => {
    const dir = await writePapers({ 'a.md': paperSource(paperFields({ arxiv: '2503.12329' })), 'b.md': paperSource(paperFields({ arxiv: '2503.12329v2' })) });
    const report = await importText(JSON.stringify([hfEntry()]), dir);
    expect(report.invalid).toEqual([expect.objectContaining({ field: 'arxiv', message: expect.stringMatching(/in 2 files .*a\.md, .*b\.md.*merge them/) })]);
  });

  it('include one whose file path holds another paper, or whose file cannot be read as a paper', async () => {
    const taken = await writePapers({ '2025/03/2503.12329.md': paperSource(paperFields({ arxiv: '2501.00009' })) });
    expect((await importText(JSON.stringify([hfEntry()]), taken)).invalid[0]?.message).toContain('already exists and holds another paper');
    const broken = await writePapers({ 'x/broken.md': '---\narxiv: "2503.12329"\ntitle: [unclosed\n---\n' });
    expect((await importText(JSON.stringify([hfEntry()]), broken)).invalid[0]?.message).toMatch(/broken\.md .*not valid YAML/);
  });

  it('include an update that would leave the file breaking the contract, with the file named', async () => {
    const dir = await writePapers({ 'p.md': paperSource(paperFields({ arxiv: '2503.12329', autors: ['typo'], upvotes: 1 })) });
    const report = await importText(JSON.stringify([hfEntry()]), dir);
    expect(report.invalid).toEqual([expect.objectContaining({ field: 'autors', message: expect.stringContaining('did you mean "authors"') })]);
    expect(report.written).toBe(0);
  });
});

describe('hostile entries', () => {
  it('are written as text and built without anything executing', async () => {
    const dir = await newDir();
    const hostile = hfEntry(
      { authors: [{ name: `Eve ${HOSTILE}`, hidden: false }, { name: 'Ctrl\u0001 Char\uFFFE', hidden: false }], summary: `Abstract ${HOSTILE}\n[x](javascript:alert(1))`, githubRepo: 'https://github.com/a/b?q=<script>' },
      { title: `Title ${HOSTILE} # not a comment: "quoted"`, summary: undefined, submittedBy: { name: `<b>${HOSTILE}</b>` } },
    );
    const report = await importText(JSON.stringify([hostile]), dir);
    expect(report.invalid).toEqual([]);
    const run = await runBuild(dir);
    expect(run.code).toBe(0);
    const $ = await readPage(run.outDir, '/papers/2503.12329/');
    expect($('h1').text()).toBe(`Title ${HOSTILE} # not a comment: "quoted"`);
    expect($('script:not([type="application/ld+json"]):not([src^="/assets/"]), script[src]:not(:empty), img, iframe, [onerror]')).toHaveLength(0);
    expect($('a[href^="javascript:"]')).toHaveLength(0);
    expect($('.paper-authors').text()).toContain('Ctrl Char');
    expect($.html()).toContain('{{ 7*7 }}');
  });

  it('with links that are not http(s) are invalid, not written', async () => {
    const dir = await newDir();
    const report = await importText(JSON.stringify([hfEntry({ githubRepo: 'javascript:alert(1)', projectPage: 'data:text/html,<script>' })]), dir);
    expect(report.invalid.map((p) => p.field)).toEqual(['code', 'project']);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('a dry run', () => {
  it('reports what would happen and writes nothing', async () => {
    const dir = await newDir();
    const report = await importText(fixture('hf/2025-03-19.json'), dir, { dryRun: true });
    expect(kinds(report)).toEqual(['created', 'created', 'created', 'created']);
    expect(report.written).toBe(0);
    expect(await readdir(dir)).toEqual([]);
  });
});
