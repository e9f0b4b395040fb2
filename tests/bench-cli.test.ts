import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs, parseSize } from '../src/bench-cli.ts';

const repo = '/repo';
const parse = (...argv: string[]) => parseBenchArgs(argv, repo);

describe('npm run bench flags', () => {
  it('defaults to 1k, 10k and 60k papers, 3 runs of every kind, search measured', () => {
    expect(parse()).toMatchObject({
      sizes: [1000, 10_000, 60_000], runs: 3, kinds: ['cold', 'warm', 'baseline'], search: true, seed: 2025, perDay: 250, start: '2023-01-02',
      project: repo, work: path.join(repo, '.cache/bench'), json: path.join(repo, 'bench-results/latest.json'), keep: false, check: false,
    });
  });

  it('runs 1k papers once in quick mode, unless told otherwise', () => {
    expect(parse('--quick')).toMatchObject({ sizes: [1000], runs: 1 });
    expect(parse('--quick', '--runs', '2')).toMatchObject({ sizes: [1000], runs: 2 });
  });

  it('reads sizes with k, separators and plain numbers', () => {
    expect(parse('--sizes', '150000').sizes).toEqual([150_000]);
    expect(parse('--sizes', '1k, 2.5k,60_000').sizes).toEqual([1000, 2500, 60_000]);
    expect(parseSize('0')).toBeUndefined();
    expect(parseSize('1.2345k')).toBeUndefined();
  });

  it('picks kinds, switches search off and takes a query', () => {
    expect(parse('--kinds', 'warm,cold', '--no-search', '--query', ' graph neural ')).toMatchObject({ kinds: ['warm', 'cold'], search: false, query: 'graph neural' });
  });

  it('resolves folders and files against the working folder', () => {
    expect(parse('--project', 'x', '--data', 'd.jsonl', '--work', 'w', '--json', 'r.json')).toMatchObject({
      project: path.resolve('x'), data: path.resolve('d.jsonl'), work: path.resolve('w'), json: path.resolve('r.json'),
    });
  });

  it('says what is wrong with a bad value', () => {
    expect(() => parse('--sizes', '10k,lots')).toThrow('--sizes: "lots" is not valid');
    expect(() => parse('--kinds', 'hot')).toThrow('--kinds: "hot" is not valid');
    expect(() => parse('--runs', '0')).toThrow('--runs must be a whole number of 1 or more');
    expect(() => parse('--start', '2023-02-30')).toThrow('--start must be a day');
    expect(() => parse('--per-day', '5000')).toThrow('at most 4000');
    expect(() => parse('--seed', 'x')).toThrow('--seed must be a whole number');
    expect(() => parse('--frobnicate')).toThrow(/Unknown option/);
  });
});
