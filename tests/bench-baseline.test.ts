import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { baselineCommand, prepareBaselineInput } from '../src/bench-baseline.ts';
import { generateCorpus } from '../src/bench-corpus.ts';
import { ensureCorpus } from '../src/bench-corpus-files.ts';
import { runMeasured } from '../src/bench-measure.ts';
import { corpusOptions, sampleRecords, tempDir } from './helpers/bench.ts';

const repo = path.resolve(import.meta.dirname, '..');
const paths = { baselineDir: path.join(repo, 'bench/baseline'), projectDir: repo };
const records = sampleRecords();

describe('the Eleventy baseline', () => {
  it('gets the baseline templates and the corpus as its input', () => {
    const root = tempDir('baseline');
    const corpus = ensureCorpus(root, records, corpusOptions({ size: 30 }));
    const input = path.join(root, 'input');
    expect(prepareBaselineInput(paths, corpus.papersDir, input)).toBe(30);
    expect(existsSync(path.join(input, 'papers/papers.11tydata.js'))).toBe(true);
    expect(existsSync(path.join(input, 'day.njk'))).toBe(true);
    expect(existsSync(path.join(input, 'papers/2024/01/2401.00001.md'))).toBe(true);
  });

  it('builds a page per paper, a page per day, a home page and an RSS feed, abstracts as written', async () => {
    const root = tempDir('baseline');
    const corpus = ensureCorpus(root, records, corpusOptions({ size: records.length, perDay: 20 }));
    const input = path.join(root, 'input');
    prepareBaselineInput(paths, corpus.papersDir, input);
    const out = path.join(root, '_site');
    const { command, args, cwd } = baselineCommand(paths, input, out);
    const run = await runMeasured(command, args, { cwd, env: process.env });
    expect(run.code, run.lines.map((l) => l.text).join('\n')).toBe(0);
    expect(run.lines.some((l) => /Wrote 47 files/.test(l.text))).toBe(true); // 42 papers, 3 days, home, RSS

    const page = (url: string) => cheerio.load(readFileSync(path.join(out, url, 'index.html'), 'utf8'));
    const papers = [...generateCorpus(records, corpusOptions({ size: records.length, perDay: 20 }))];
    const withBraces = papers.find((p) => /\{\{|\{%/.test(p.text));
    expect(withBraces).toBeDefined();
    expect(page(`papers/${withBraces?.id}`)('article').text()).toMatch(/\{\{|\{%/);
    const first = papers[0] as (typeof papers)[number];
    expect(page(`papers/${first.id}`)('h1').text()).toBe(JSON.parse(/^title: (.*)$/m.exec(first.text)?.[1] ?? '""'));
    expect(page('papers/date/2024-01-02')('li a').length).toBe(20);
    expect(page('papers/date/2024-01-03')('li a').length).toBe(2);
    expect(page('')('h1').text()).toBe('Papers of 2024-01-03');
    const feed = parseFeed(readFileSync(path.join(out, 'rss.xml'), 'utf8'));
    expect(feed.items.length).toBe(42);
  });
});
