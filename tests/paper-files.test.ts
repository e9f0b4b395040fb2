import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { identifyPaper, indexPapers, paperFileName, paperFilePath, writeFilesAtomically } from '../src/paper-files.ts';
import { paperFields, paperSource, writePapers } from './helpers/papers.ts';

const allFiles = async (dir: string) => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();

describe('identifyPaper', () => {
  it.each([
    ['arxiv: "2310.02970v3"', '2310.02970'],
    ['arxiv: 2310.02970', '2310.02970'],
    ["arxiv: 'hep-th/9901001v2'", 'hep-th/9901001'],
    ['arxiv: math.CA/0611800', 'math.CA/0611800'],
    ['arxiv:', 'my-paper'],
    ['venue: x', 'my-paper'],
    ['arxiv: not-an-id', undefined],
  ])('reads %j as id %j, like the loader', (line, id) => {
    expect(identifyPaper('content/papers/2025/03/my-paper.md', `---\ntitle: T\n${line}\n---\n\nBody\n`)).toBe(id);
  });

  it('reads files with a byte order mark and CRLF line endings', () => {
    expect(identifyPaper('x.md', '\uFEFF---\r\narxiv: "2501.00001"\r\n---\r\n')).toBe('2501.00001');
  });
});

describe('indexPapers', () => {
  it('maps every id to its files, wherever they are, and keeps both files of a duplicate', async () => {
    const dir = await writePapers({
      'a.md': paperSource(paperFields({ arxiv: '2501.00001' })),
      'deep/er/b.md': paperSource(paperFields({ arxiv: '2501.00002v2' })),
      '2025/01/2501.00001.md': paperSource(paperFields({ arxiv: '2501.00001' })),
      'no-id.md': paperSource(paperFields({ arxiv: undefined })),
      '.hidden/c.md': paperSource(paperFields({ arxiv: '2501.00003' })),
    });
    const index = await indexPapers(dir);
    expect(index.files).toBe(4);
    expect(index.byId.get('2501.00002')).toEqual([path.join(dir, 'deep/er/b.md')]);
    expect(index.byId.get('2501.00001')).toHaveLength(2);
    expect(index.byId.get('no-id')).toEqual([path.join(dir, 'no-id.md')]);
    expect(index.byId.has('2501.00003')).toBe(false);
  });

  it('reads a folder that does not exist yet as empty', async () => {
    expect((await indexPapers(path.join(os.tmpdir(), 'paperfeed-missing-folder-for-test'))).files).toBe(0);
  });
});

describe('paper file paths', () => {
  it('names files by id, making old-style ids safe', () => {
    expect(paperFileName('2310.02970')).toBe('2310.02970.md');
    expect(paperFileName('hep-th/9901001')).toBe('hep-th-9901001.md');
    expect(paperFileName('math.CA/0611800')).toBe('math.CA-0611800.md');
  });

  it('puts a paper in the folder of its listing month', () => {
    expect(paperFilePath('/papers', 'hep-th/9901001', '2025-03-11')).toBe(path.join('/papers', '2025', '03', 'hep-th-9901001.md'));
  });
});

describe('writeFilesAtomically', () => {
  it('writes every file, making folders as needed, and leaves no temporary files', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-write-'));
    await writeFilesAtomically([{ file: path.join(dir, '2025/03/a.md'), text: 'A' }, { file: path.join(dir, 'b.md'), text: 'B' }], 'test');
    expect(await allFiles(dir)).toEqual(['2025/03/a.md', 'b.md']);
    expect(await readFile(path.join(dir, '2025/03/a.md'), 'utf8')).toBe('A');
  });

  it('replaces existing files whole', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-write-'));
    await writeFile(path.join(dir, 'a.md'), 'old and long');
    await writeFilesAtomically([{ file: path.join(dir, 'a.md'), text: 'new' }], 'test');
    expect(await readFile(path.join(dir, 'a.md'), 'utf8')).toBe('new');
  });

  it('writes nothing at all when one file cannot be written, and cleans up', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-write-'));
    await writeFile(path.join(dir, 'blocker'), 'a file where a folder is needed');
    const writes = [
      { file: path.join(dir, 'a.md'), text: 'A' },
      { file: path.join(dir, 'new/folder/b.md'), text: 'B' },
      { file: path.join(dir, 'blocker/c.md'), text: 'C' },
    ];
    await expect(writeFilesAtomically(writes, 'test')).rejects.toThrow();
    expect(await readdir(dir, { recursive: true })).toEqual(['blocker']);
  });
});
