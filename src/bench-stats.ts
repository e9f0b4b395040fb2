/**
 * The benchmark's records and their summaries: one record per run (a size, a kind — cold build,
 * warm rebuild, Eleventy baseline — and a run number), and per size and kind the median of the
 * runs that succeeded. Memory is also kept as the worst run: a memory limit fails a build on any run.
 */
import type { Phase } from './bench-phases.ts';
import type { QueryCost } from './bench-search.ts';
import type { SiteStats, TreeStats } from './bench-site-stats.ts';

export type RunKind = 'cold' | 'warm' | 'baseline';
export const RUN_KINDS: readonly RunKind[] = ['cold', 'warm', 'baseline'];

export interface RunRecord {
  size: number;
  kind: RunKind;
  run: number;
  /** The build's exit code (0 = success). */
  code: number;
  wallMs: number;
  /** User + system CPU of the whole process tree (exact, from the kernel). */
  cpuMs?: number;
  peakRss: number;
  peakByName: Record<string, number>;
  maxProcesses: number;
  phases: Phase[];
  /** Files the build says it wrote (Eleventy's count). */
  filesReported?: number;
  site: SiteStats;
  /** The render cache folder after the build (not for the baseline). */
  cache?: TreeStats;
  /** Why the build failed, when it did: its first error-like lines and its last lines. */
  failure?: string[];
  /** RSS over time, MB every ~0.5 s: `[seconds, MB]`. */
  memory: [number, number][];
  /** The machine's 1-minute load average before and after the run: other work skews timings. */
  loadAverage?: [number, number];
}

export interface PhaseSummary {
  ms: number;
  peakRss?: number;
  cpuMs?: number;
}

export interface CaseSummary {
  size: number;
  kind: RunKind;
  /** Runs that succeeded / all runs. */
  ok: number;
  runs: number;
  wallMs?: number;
  cpuMs?: number;
  peakRss?: number;
  /** The worst run, failed runs included (a build that ran out of memory shows how far it got). */
  peakRssMax?: number;
  phases: Record<string, PhaseSummary>;
  /** From the last successful run (a build writes the same files every time). */
  site?: SiteStats;
  cache?: TreeStats;
  search?: QueryCost;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const defined = (values: (number | undefined)[]) => values.filter((v): v is number => v !== undefined);

function summarizePhases(runs: readonly RunRecord[]): Record<string, PhaseSummary> {
  const names = [...new Set(runs.flatMap((run) => run.phases.map((phase) => phase.name)))];
  const phases: Record<string, PhaseSummary> = {};
  for (const name of names) {
    const found = runs.flatMap((run) => run.phases.filter((phase) => phase.name === name));
    const peakRss = median(defined(found.map((p) => p.peakRss)));
    const cpuMs = median(defined(found.map((p) => p.cpuMs)));
    phases[name] = { ms: median(found.map((p) => p.ms)) as number, ...(peakRss !== undefined ? { peakRss } : {}), ...(cpuMs !== undefined ? { cpuMs } : {}) };
  }
  return phases;
}

/** One summary per size and kind, in the order the records came. */
export function summarize(records: readonly RunRecord[], searches: ReadonlyMap<number, QueryCost> = new Map()): CaseSummary[] {
  const keys = [...new Set(records.map((r) => `${r.size}:${r.kind}`))];
  return keys.map((key) => {
    const all = records.filter((r) => `${r.size}:${r.kind}` === key);
    const ok = all.filter((r) => r.code === 0);
    const { size, kind } = all[0] as RunRecord;
    const last = ok.at(-1);
    const search = kind === 'cold' ? searches.get(size) : undefined;
    const summary: CaseSummary = { size, kind, ok: ok.length, runs: all.length, peakRssMax: Math.max(...all.map((r) => r.peakRss)), phases: summarizePhases(ok) };
    if (ok.length === 0) return summary;
    return {
      ...summary,
      wallMs: median(ok.map((r) => r.wallMs)),
      cpuMs: median(defined(ok.map((r) => r.cpuMs))),
      peakRss: median(ok.map((r) => r.peakRss)),
      ...(last ? { site: last.site, ...(last.cache ? { cache: last.cache } : {}) } : {}),
      ...(search ? { search } : {}),
    };
  });
}
