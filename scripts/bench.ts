/**
 * `npm run bench`: builds generated corpora of real arXiv papers (1k, 10k and 60k by default) with
 * the production build, cold and warm, and the idiomatic Eleventy baseline; prints a Markdown report
 * on stdout (progress goes to stderr) and writes every run to `bench-results/latest.json`.
 * `npm run bench -- --help` lists the flags.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBenchArgs, USAGE, type CliOptions } from '../src/bench-cli.ts';
import { findRecordsFile, readRecords } from '../src/bench-records.ts';
import { renderReport } from '../src/bench-report.ts';
import { runBench, type BenchOptions, type BenchOutcome } from '../src/bench-run.ts';
import { summarize } from '../src/bench-stats.ts';
import { evaluateTargets } from '../src/bench-targets.ts';

const repoDir = path.resolve(import.meta.dirname, '..');

function clock(started: number): string {
  const s = Math.floor((Date.now() - started) / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** Builds run in their own process group (to be measured and stopped as a whole): Ctrl-C must stop them too. */
function stopOnSignals(log: (line: string) => void): AbortSignal {
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the running build`);
      controller.abort(new Error(`stopped by ${signal}`));
    });
  }
  return controller.signal;
}

function reportNotes(outcome: BenchOutcome): string[] {
  const notes = outcome.sizes.flatMap((s) => [
    ...(s.search === null ? [`${s.size.toLocaleString('en')} papers: the site has no /search/ page, so no query was measured`] : []),
    ...(s.searchError ? [`${s.size.toLocaleString('en')} papers: the query measurement failed: ${s.searchError}`] : []),
  ]);
  for (const run of outcome.records.filter((r) => r.code !== 0)) {
    notes.push(`${run.size.toLocaleString('en')} papers, ${run.kind} ${run.run}: exit code ${run.code}${run.failure?.[0] ? `: ${run.failure[0].trim().slice(0, 160)}` : ''}`);
  }
  const loads = outcome.records.flatMap((r) => r.loadAverage ?? []);
  if (loads.length > 0) notes.push(`machine: ${os.cpus().length} cores; 1-minute load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} around the runs (other work on the machine slows the builds down)`);
  return notes;
}

function benchOptions(cli: CliOptions, signal: AbortSignal): BenchOptions {
  return {
    sizes: cli.sizes,
    runs: cli.runs,
    kinds: cli.kinds,
    search: cli.search,
    corpus: { seed: cli.seed, perDay: cli.perDay, start: cli.start },
    projectDir: cli.project,
    repoDir,
    workDir: cli.work,
    ...(cli.query ? { query: cli.query } : {}),
    keep: cli.keep,
    env: { ...process.env, URL: process.env.URL ?? 'https://papers.example.org' },
    chromium: '/usr/bin/chromium',
    signal,
  };
}

async function main(): Promise<number> {
  const cli = parseBenchArgs(process.argv.slice(2), repoDir);
  if (cli.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const started = Date.now();
  const log = (line: string) => process.stderr.write(`[bench ${clock(started)}] ${line}\n`);
  const dataFile = cli.data ?? findRecordsFile(cli.project) ?? findRecordsFile(repoDir);
  if (!dataFile) throw new Error('no arXiv records found: pass --data FILE (e.g. ../shared/data/arxiv-2025-06.jsonl.gz)');
  const records = readRecords(dataFile);
  log(`${records.length.toLocaleString('en')} records from ${dataFile}; sizes ${cli.sizes.join(', ')}; ${cli.runs} run(s) of ${cli.kinds.join(', ')}; building ${cli.project}`);
  const outcome = await runBench(records, benchOptions(cli, stopOnSignals(log)), { log });
  const summaries = summarize(outcome.records, new Map(outcome.sizes.flatMap((s) => (s.search ? [[s.size, s.search] as const] : []))));
  const targets = evaluateTargets(summaries);
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memory: os.totalmem(), node: process.version, os: `${os.type()} ${os.release()}` };
  mkdirSync(path.dirname(cli.json), { recursive: true });
  const results = { version: 1, started: new Date(started).toISOString(), seconds: Math.round((Date.now() - started) / 1000), machine, dataFile, options: cli, sizes: outcome.sizes, summaries, targets, runs: outcome.records };
  writeFileSync(cli.json, `${JSON.stringify(results, null, 1)}\n`);
  process.stdout.write(renderReport(summaries, targets, reportNotes(outcome)));
  log(`results in ${path.relative(process.cwd(), cli.json) || cli.json}`);
  const failedBuilds = outcome.records.some((r) => r.code !== 0);
  return failedBuilds || (cli.check && targets.some((t) => t.status === 'fail')) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
