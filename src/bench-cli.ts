/**
 * `npm run bench` flags, parsed into the benchmark's options without touching anything: sizes
 * (`1k,10k,60k`, `150000`), runs per case, which kinds of build, the corpus seed and shape, and
 * where things are. `--quick` is one run of 1,000 papers (what the test suite runs).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CORPUS } from './bench-corpus.ts';
import { isCalendarDay } from './dates.ts';
import { RUN_KINDS, type RunKind } from './bench-stats.ts';

export const USAGE = `npm run bench [-- options]

  --sizes 1k,10k,60k   corpus sizes in papers (default 1k,10k,60k; e.g. --sizes 150000)
  --runs 3             runs per size and kind; the report shows medians (default 3)
  --kinds cold,warm,baseline
                       cold: full build, fresh cache; warm: rebuild after one new day, cache kept;
                       baseline: the idiomatic Eleventy site of bench/baseline/ (default: all)
  --quick              1k papers, 1 run of each kind (what the test suite runs)
  --no-search          skip the first-query measurement in Chromium
  --query "two words"  the query to measure (default: two words of a real title in the corpus)
  --seed 2025          corpus seed: the same seed writes the same files
  --per-day 250        papers per listing day (weekdays only)
  --start 2023-01-02   the first listing day
  --data FILE          arXiv records, JSON lines (default: shared/data/arxiv-2025-06.jsonl.gz
                       in the project's parent folder or any folder above)
  --project DIR        the paperfeed project to build (default: this one)
  --work DIR           corpora and builds (default: .cache/bench)
  --json FILE          results (default: bench-results/latest.json)
  --keep               keep the built sites and caches under --work
  --check              exit 1 when a target fails (a failed build always exits 1)
`;

export interface CliOptions {
  sizes: number[];
  runs: number;
  kinds: RunKind[];
  search: boolean;
  query?: string;
  seed: number;
  perDay: number;
  start: string;
  data?: string;
  project: string;
  work: string;
  json: string;
  keep: boolean;
  check: boolean;
  help: boolean;
}

/** `60k` → 60000, `1.5k` → 1500, `150000` → 150000; undefined for anything else. */
export function parseSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(k?)$/i.exec(text.trim().replace(/[_,]/g, ''));
  if (!match) return undefined;
  const value = Number(match[1]) * (match[2] ? 1000 : 1);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

function whole(name: string, text: string, least: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < least) throw new Error(`--${name} must be a whole number of ${least} or more, not "${text}"`);
  return value;
}

function listOf<T>(name: string, text: string, parse: (item: string) => T | undefined): T[] {
  const items = text.split(',').filter((item) => item.trim() !== '');
  const parsed = items.map((item) => {
    const value = parse(item.trim());
    if (value === undefined) throw new Error(`--${name}: "${item.trim()}" is not valid; see --help`);
    return value;
  });
  if (parsed.length === 0) throw new Error(`--${name} needs at least one value`);
  return parsed;
}

/** Parses the flags; throws an Error whose message says what to fix. */
export function parseBenchArgs(argv: string[], repoDir: string): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' }, runs: { type: 'string' }, kinds: { type: 'string' }, quick: { type: 'boolean', default: false },
      search: { type: 'boolean', default: true }, query: { type: 'string' }, seed: { type: 'string' }, 'per-day': { type: 'string' },
      start: { type: 'string' }, data: { type: 'string' }, project: { type: 'string' }, work: { type: 'string' }, json: { type: 'string' },
      keep: { type: 'boolean', default: false }, check: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
    },
    allowNegative: true,
    strict: true,
  });
  const start = values.start ?? DEFAULT_CORPUS.start;
  if (!isCalendarDay(start)) throw new Error(`--start must be a day written YYYY-MM-DD, not "${start}"`);
  const perDay = values['per-day'] ? whole('per-day', values['per-day'], 1) : DEFAULT_CORPUS.perDay;
  if (perDay > 4000) throw new Error('--per-day must be at most 4000 (arXiv ids have 5 digits per month)');
  const query = values.query?.trim();
  return {
    sizes: values.sizes ? listOf('sizes', values.sizes, parseSize) : values.quick ? [1000] : [1000, 10_000, 60_000],
    runs: values.runs ? whole('runs', values.runs, 1) : values.quick ? 1 : 3,
    kinds: values.kinds ? listOf('kinds', values.kinds, (k) => RUN_KINDS.find((kind) => kind === k)) : [...RUN_KINDS],
    search: values.search,
    ...(query ? { query } : {}),
    seed: values.seed !== undefined ? whole('seed', values.seed, 0) >>> 0 : DEFAULT_CORPUS.seed,
    perDay,
    start,
    ...(values.data ? { data: path.resolve(values.data) } : {}),
    project: path.resolve(values.project ?? repoDir),
    work: path.resolve(values.work ?? path.join(repoDir, '.cache', 'bench')),
    json: path.resolve(values.json ?? path.join(repoDir, 'bench-results', 'latest.json')),
    keep: values.keep,
    check: values.check,
    help: values.help,
  };
}
