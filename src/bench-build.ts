/**
 * One measured build for the benchmark: the project's production build (the command its `npm run
 * build` script runs, without npm in between) or the Eleventy baseline, into a fresh output folder,
 * measured from outside (./bench-measure.ts), then the output counted on disk. Progress goes to
 * the log as it happens: the build's phase lines, and a line every few seconds with its memory.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import type { Trash } from './bench-trash.ts';
import os from 'node:os';
import path from 'node:path';
import { runMeasured, type MeasuredRun, type OutputLine } from './bench-measure.ts';
import { filesReported, parsePhaseLine, readPhases } from './bench-phases.ts';
import type { Sample } from './bench-sampler.ts';
import { siteStats, treeStats } from './bench-site-stats.ts';
import type { RunKind, RunRecord } from './bench-stats.ts';

/** Lines other than phase lines (warnings and the like) echoed to the progress log per run. */
const OTHER_LINES = 10;

/**
 * The build command of a project: its `build` script when that is a plain `node …` command (so
 * flags such as `--max-old-space-size` count), else `npm run build --`. Node is this process's.
 */
export function buildInvocation(script: string | undefined, node = process.execPath): string[] {
  const tokens = (script ?? '').trim().split(/\s+/);
  if (tokens[0] === 'node' && tokens.every((t) => /^[\w@%+=:,./-]+$/.test(t))) return [node, ...tokens.slice(1)];
  return ['npm', 'run', 'build', '--'];
}

/**
 * A run's CPU time: the larger of two lower bounds. The shell's `times` counts the processes that were
 * waited for (not Pagefind's binary, which its service leaves to exit on its own: 70 of 170 CPU
 * seconds at 60,000 papers); the sampler counts every process it saw, up to its last sample.
 */
export function cpuOf(run: Pick<MeasuredRun, 'cpu' | 'sampler'>): { cpuMs?: number } {
  const waited = run.cpu ? run.cpu.userMs + run.cpu.sysMs : undefined;
  const sampled = run.sampler.samples.at(-1)?.cpuMs;
  const most = Math.max(waited ?? 0, sampled ?? 0);
  return waited === undefined && sampled === undefined ? {} : { cpuMs: Math.round(most) };
}

export function projectBuildCommand(projectDir: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return buildInvocation(manifest.scripts?.build);
}

const ERROR_LINE = /\b(error|fatal|failed|killed|out of memory)\b/i;

/** What says why a build failed: its first five error-like lines (an out-of-memory message comes before a long stack) and its last ten lines. */
export function failureLines(lines: readonly string[]): string[] {
  const errors = lines.filter((line) => ERROR_LINE.test(line) && !/: warning: /.test(line)).slice(0, 5);
  return [...new Set([...errors, ...lines.slice(-10)])];
}

export interface BuildSpec {
  size: number;
  kind: RunKind;
  run: number;
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  outDir: string;
  cacheDir?: string;
  /** Where the last run's output goes before this one (src/bench-trash.ts); deleted right away without. */
  trash?: Trash;
  /** Stops the build (its whole process tree) when aborted. */
  signal?: AbortSignal;
}

/** RSS every ~0.5 s as `[seconds, MB]`, for plotting memory over a run. */
export function memoryCurve(samples: readonly Sample[], everyMs = 500): [number, number][] {
  const curve: [number, number][] = [];
  let next = 0;
  for (const sample of samples) {
    if (sample.t < next) continue;
    curve.push([Math.round(sample.t / 100) / 10, Math.round(sample.rss / 1e6)]);
    next = sample.t + everyMs;
  }
  return curve;
}

/** Echoes a build's phase lines, and its first other lines, to the progress log; `hidden()` counts the rest. */
function echo(log: (line: string) => void): { onLine: (line: OutputLine) => void; hidden: () => number } {
  let others = 0;
  return {
    onLine: (line) => {
      const phase = parsePhaseLine(line.text) !== undefined;
      if (!phase) others++;
      if (phase || others <= OTHER_LINES) log(`    ${line.text.slice(0, 200)}`);
    },
    hidden: () => Math.max(0, others - OTHER_LINES),
  };
}

/**
 * Writes every file the system still holds in memory to disk (`sync`), and returns how long it took.
 * A build writes 2 GB in 250,000 files at 60,000 papers; the kernel writes them out over the next
 * minute, and a build started meanwhile pays for it: back-to-back cold runs measured 163 to 193 CPU
 * seconds for the same work. Each run starts from a flushed disk, as a build machine does.
 */
export function flushDisk(run: (command: string) => void = (command) => void execFileSync(command), now = () => performance.now()): number {
  const started = now();
  run('sync');
  return now() - started;
}

export async function measureBuild(spec: BuildSpec, log: (line: string) => void): Promise<RunRecord> {
  if (spec.trash) spec.trash.put(spec.outDir);
  else rmSync(spec.outDir, { recursive: true, force: true });
  const flushed = flushDisk();
  if (flushed >= 1000) log(`    (disk flushed before the run in ${(flushed / 1000).toFixed(1)} s)`);
  const loadBefore = os.loadavg()[0] as number;
  const [command, ...args] = spec.argv as [string, ...string[]];
  const echoed = echo(log);
  const run = await runMeasured(command, args, {
    cwd: spec.cwd,
    env: spec.env,
    onLine: echoed.onLine,
    tickMs: 15_000,
    ...(spec.signal ? { signal: spec.signal } : {}),
    onTick: (sample: Sample) => log(`    … ${Math.round(sample.t / 1000)} s, ${Math.round(sample.rss / 1e6).toLocaleString('en')} MB resident, ${sample.processes} processes`),
  });
  if (echoed.hidden() > 0) log(`    (${echoed.hidden()} more lines of output not shown)`);
  const reported = filesReported(run.lines);
  return {
    size: spec.size,
    kind: spec.kind,
    run: spec.run,
    code: run.code,
    wallMs: Math.round(run.wallMs),
    ...cpuOf(run),
    peakRss: run.sampler.peakRss,
    peakByName: run.sampler.peakByName,
    maxProcesses: run.sampler.maxProcesses,
    phases: readPhases(run.lines, run.sampler.samples),
    ...(reported !== undefined ? { filesReported: reported } : {}),
    site: siteStats(spec.outDir),
    ...(spec.cacheDir ? { cache: (({ files, bytes, largestFolder }) => ({ files, bytes, largestFolder }))(treeStats(spec.cacheDir)) } : {}),
    ...(run.code !== 0 ? { failure: failureLines(run.lines.map((l) => l.text)) } : {}),
    memory: memoryCurve(run.sampler.samples),
    loadAverage: [loadBefore, os.loadavg()[0] as number].map((load) => Math.round(load * 100) / 100) as [number, number],
  };
}
