/**
 * Runs the benchmark: for each size, the corpus (written once, reused while unchanged), then the
 * cold production builds (each with a fresh render cache and output folder), the first-query
 * measurement on the last cold site, the warm rebuilds (the cache of a cold build restored before
 * each, one new listing day added), and the Eleventy baseline. Everything per size lives under
 * `<work>/runs/<size>/` and is removed afterwards unless asked to keep it.
 */
import { cpSync, existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { baselineCommand, prepareBaselineInput } from './bench-baseline.ts';
import { measureBuild, projectBuildCommand, type BuildSpec } from './bench-build.ts';
import type { CorpusOptions } from './bench-corpus.ts';
import { ensureCorpus, linkTree, type CorpusFolder } from './bench-corpus-files.ts';
import { openTrash, type Trash } from './bench-trash.ts';
import type { ArxivRecord } from './bench-records.ts';
import { searchQuery } from './bench-query.ts';
import { measureFirstQuery, type QueryCost } from './bench-search.ts';
import type { RunKind, RunRecord } from './bench-stats.ts';

export interface BenchOptions {
  sizes: number[];
  runs: number;
  kinds: RunKind[];
  /** Measure the first query in Chromium. */
  search: boolean;
  corpus: Omit<CorpusOptions, 'size'>;
  /** The paperfeed project whose build is measured. */
  projectDir: string;
  /** This repository: `bench/baseline/` and the Eleventy that builds it. */
  repoDir: string;
  workDir: string;
  query?: string;
  keep: boolean;
  env: NodeJS.ProcessEnv;
  chromium: string;
  /** Aborting stops the running build and ends the benchmark. */
  signal?: AbortSignal;
}

export interface BenchIo {
  log(line: string): void;
}

export interface SizeOutcome {
  size: number;
  corpus: CorpusFolder & { ms: number };
  query: string;
  /** Undefined when not measured; `null` when the site has no search page. */
  search?: QueryCost | null;
  searchError?: string;
}

export interface BenchOutcome {
  records: RunRecord[];
  sizes: SizeOutcome[];
}

const summaryLine = (r: RunRecord) =>
  r.code === 0
    ? `${(r.wallMs / 1000).toFixed(1)} s wall, ${r.cpuMs !== undefined ? (r.cpuMs / 1000).toFixed(1) : '?'} s CPU, peak ${Math.round(r.peakRss / 1e6).toLocaleString('en')} MB, ${r.site.files.toLocaleString('en')} files`
    : `FAILED with exit code ${r.code} after ${(r.wallMs / 1000).toFixed(1)} s`;

async function runSeries(kind: RunKind, runs: number, size: number, io: BenchIo, prepare: (run: number) => BuildSpec, signal?: AbortSignal): Promise<RunRecord[]> {
  const records: RunRecord[] = [];
  for (let run = 1; run <= runs; run++) {
    signal?.throwIfAborted();
    io.log(`${size.toLocaleString('en')} papers · ${kind} ${run}/${runs}`);
    const record = await measureBuild({ ...prepare(run), ...(signal ? { signal } : {}) }, io.log);
    signal?.throwIfAborted();
    io.log(`${size.toLocaleString('en')} papers · ${kind} ${run}/${runs}: ${summaryLine(record)}`);
    records.push(record);
  }
  return records;
}

async function measureSearch(outcome: SizeOutcome, siteDir: string, options: BenchOptions, io: BenchIo): Promise<void> {
  io.log(`${outcome.size.toLocaleString('en')} papers · first query "${outcome.query}" in Chromium`);
  try {
    outcome.search = (await measureFirstQuery(siteDir, outcome.query, { executablePath: options.chromium })) ?? null;
    const s = outcome.search;
    io.log(s ? `    ${(s.searchBytes / 1000).toFixed(1)} kB for search, ${(s.totalBytes / 1000).toFixed(1)} kB in all, ${s.requests} requests${s.resultsSeen ? '' : ', NO RESULTS SEEN'}` : '    the site has no /search/ page');
  } catch (error) {
    outcome.searchError = error instanceof Error ? error.message : String(error);
    io.log(`    search measurement failed: ${outcome.searchError}`);
  }
}

interface SizeContext {
  size: number;
  dir: string;
  corpus: CorpusFolder;
  options: BenchOptions;
  io: BenchIo;
  /** Where finished runs' sites and caches wait until the benchmark ends (src/bench-trash.ts). */
  trash: Trash;
}

/** A production build of `papersDir` into `<dir>/<kind>/_site` with its render cache in `cacheDir`. */
function productionBuild(ctx: SizeContext, kind: RunKind, run: number, papersDir: string, cacheDir: string) {
  const outDir = path.join(ctx.dir, kind, '_site');
  const argv = [...projectBuildCommand(ctx.options.projectDir), '--papers', papersDir, '--out', outDir, '--cache-dir', cacheDir];
  return { size: ctx.size, kind, run, cwd: ctx.options.projectDir, env: ctx.options.env, outDir, cacheDir, argv, trash: ctx.trash };
}

/** Cold builds, each from an empty cache; the last one's cache is kept for the warm builds. Returns the records (none when only filling the cache). */
async function coldBuilds(ctx: SizeContext, outcome: SizeOutcome): Promise<RunRecord[]> {
  const measured = ctx.options.kinds.includes('cold');
  if (!measured) ctx.io.log(`${ctx.size.toLocaleString('en')} papers · one cold build to fill the cache (not reported)`);
  const cacheDir = path.join(ctx.dir, 'cache-cold');
  const records = await runSeries('cold', measured ? ctx.options.runs : 1, ctx.size, ctx.io, (run) => {
    ctx.trash.put(cacheDir);
    return productionBuild(ctx, 'cold', run, ctx.corpus.papersDir, cacheDir);
  }, ctx.options.signal);
  if (measured && ctx.options.search && records.at(-1)?.code === 0) await measureSearch(outcome, path.join(ctx.dir, 'cold', '_site'), ctx.options, ctx.io);
  return measured ? records : [];
}

/**
 * A copy of a build cache: the page cache's entries (src/page-cache.ts; 180,000 files at 60k, never
 * written to) as hard links, the rest copied — as Netlify restores it, whole, before a build.
 */
function restoreCache(from: string, to: string): void {
  const pages = path.join(from, 'pages');
  cpSync(from, to, { recursive: true, filter: (source) => source !== pages });
  if (existsSync(pages)) linkTree(pages, path.join(to, 'pages'));
}

/** Warm rebuilds: the corpus plus one new day, each from a copy of the cold build's cache. */
async function warmBuilds(ctx: SizeContext): Promise<RunRecord[]> {
  const snapshot = path.join(ctx.dir, 'cache-snapshot');
  if (existsSync(path.join(ctx.dir, 'cache-cold'))) renameSync(path.join(ctx.dir, 'cache-cold'), snapshot);
  const papersDir = path.join(ctx.dir, 'warm-papers');
  linkTree(ctx.corpus.papersDir, papersDir);
  linkTree(ctx.corpus.nextDayDir, papersDir);
  const cacheDir = path.join(ctx.dir, 'cache-warm');
  return runSeries('warm', ctx.options.runs, ctx.size, ctx.io, (run) => {
    ctx.trash.put(cacheDir);
    if (existsSync(snapshot)) restoreCache(snapshot, cacheDir);
    return productionBuild(ctx, 'warm', run, papersDir, cacheDir);
  }, ctx.options.signal);
}

async function baselineBuilds(ctx: SizeContext): Promise<RunRecord[]> {
  const paths = { baselineDir: path.join(ctx.options.repoDir, 'bench', 'baseline'), projectDir: ctx.options.repoDir };
  const input = path.join(ctx.dir, 'baseline-input');
  prepareBaselineInput(paths, ctx.corpus.papersDir, input);
  const outDir = path.join(ctx.dir, 'baseline', '_site');
  const { command, args, cwd } = baselineCommand(paths, input, outDir);
  return runSeries('baseline', ctx.options.runs, ctx.size, ctx.io, (run) => ({ size: ctx.size, kind: 'baseline', run, cwd, env: ctx.options.env, outDir, argv: [command, ...args], trash: ctx.trash }), ctx.options.signal);
}

async function benchSize(size: number, records: readonly ArxivRecord[], options: BenchOptions, io: BenchIo, trash: Trash): Promise<{ outcome: SizeOutcome; runs: RunRecord[] }> {
  const started = performance.now();
  const corpusOptions = { ...options.corpus, size };
  const corpus = ensureCorpus(path.join(options.workDir, 'corpus'), records, corpusOptions);
  const outcome: SizeOutcome = { size, corpus: { ...corpus, ms: Math.round(performance.now() - started) }, query: options.query ?? searchQuery(records, corpusOptions) };
  io.log(`${size.toLocaleString('en')} papers · corpus ${corpus.written ? 'written' : 'reused'} in ${(outcome.corpus.ms / 1000).toFixed(1)} s (${corpus.papersDir})`);
  const ctx: SizeContext = { size, dir: path.join(options.workDir, 'runs', String(size)), corpus, options, io, trash };
  trash.put(ctx.dir);
  const runs: RunRecord[] = [];
  if (options.kinds.includes('cold') || options.kinds.includes('warm')) runs.push(...(await coldBuilds(ctx, outcome)));
  if (options.kinds.includes('warm')) runs.push(...(await warmBuilds(ctx)));
  if (options.kinds.includes('baseline')) runs.push(...(await baselineBuilds(ctx)));
  if (!options.keep) trash.put(ctx.dir);
  return { outcome, runs };
}

export async function runBench(records: readonly ArxivRecord[], options: BenchOptions, io: BenchIo): Promise<BenchOutcome> {
  const outcome: BenchOutcome = { records: [], sizes: [] };
  // Finished runs wait here and are deleted at the end, not before the next run (src/bench-trash.ts).
  const trash = openTrash(path.join(options.workDir, 'trash'));
  try {
    for (const size of options.sizes) {
      const { outcome: sized, runs } = await benchSize(size, records, options, io, trash);
      outcome.sizes.push(sized);
      outcome.records.push(...runs);
    }
  } finally {
    const emptied = trash.empty();
    if (emptied) io.log(`deleted ${emptied} finished ${emptied === 1 ? 'run' : 'runs'}' sites and caches`);
  }
  return outcome;
}
