import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../src/bench-corpus.ts';
import { ensureCorpus, linkTree, writePapers } from '../src/bench-corpus-files.ts';
import { corpusOptions, sampleRecords, tempDir } from './helpers/bench.ts';

const records = sampleRecords();
const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();

describe('the corpus on disk', () => {
  it('writes the corpus, the next day and a stamp', () => {
    const root = tempDir();
    const folder = ensureCorpus(root, records, corpusOptions({ size: 300 }));
    expect(folder.written).toBe(true);
    expect(files(folder.papersDir).length).toBe(300);
    expect(files(folder.nextDayDir).length).toBe(250);
    expect(files(folder.papersDir)[0]).toBe('2024/01/2401.00001.md');
    expect(JSON.parse(readFileSync(path.join(folder.dir, 'corpus.json'), 'utf8'))).toMatchObject({ size: 300, seed: 7, perDay: 250, records: 42 });
  });

  it('writes each paper as generated', () => {
    const dir = tempDir();
    const papers = [...generateCorpus(records, corpusOptions({ size: 20 }))];
    expect(writePapers(dir, papers)).toBe(20);
    for (const paper of papers) expect(readFileSync(path.join(dir, paper.file), 'utf8')).toBe(paper.text);
  });

  it('reuses a folder whose stamp matches and rewrites one whose options or files changed', () => {
    const root = tempDir();
    const first = ensureCorpus(root, records, corpusOptions({ size: 100 }));
    const file = path.join(first.papersDir, files(first.papersDir)[0] as string);
    const written = statSync(file).mtimeMs;
    expect(ensureCorpus(root, records, corpusOptions({ size: 100 })).written).toBe(false);
    expect(statSync(file).mtimeMs).toBe(written);
    expect(ensureCorpus(root, records.slice(1), corpusOptions({ size: 100 })).written).toBe(true);
    writeFileSync(path.join(first.dir, 'corpus.json'), '{}');
    expect(ensureCorpus(root, records.slice(1), corpusOptions({ size: 100 })).written).toBe(true);
  });

  it('gives a size and a seed their own folder', () => {
    const root = tempDir();
    const a = ensureCorpus(root, records, corpusOptions({ size: 50 }));
    const b = ensureCorpus(root, records, corpusOptions({ size: 50, seed: 8 }));
    expect(a.dir).not.toBe(b.dir);
    expect(existsSync(a.papersDir) && existsSync(b.papersDir)).toBe(true);
  });

  it('mirrors a folder tree with links, merging into an existing one', () => {
    const root = tempDir();
    const folder = ensureCorpus(root, records, corpusOptions({ size: 60 }));
    const target = path.join(root, 'merged');
    expect(linkTree(folder.papersDir, target)).toBe(60);
    expect(linkTree(folder.nextDayDir, target)).toBe(250);
    expect(files(target).length).toBe(310);
    const one = files(folder.papersDir)[0] as string;
    expect(statSync(path.join(target, one)).ino).toBe(statSync(path.join(folder.papersDir, one)).ino);
  });
});
