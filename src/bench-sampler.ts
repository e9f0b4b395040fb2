/**
 * Samples a process tree's memory and CPU every ~50 ms while it runs: the sum of the resident set
 * sizes of the root and all its descendants (a build's Node.js process, esbuild, Pagefind's binary),
 * which is what a build machine's memory limit sees. Finding the tree means reading every process's
 * stat file (~3 ms of CPU), so that is done every 250 ms; the samples between read only the tree's
 * own processes (~0.1 ms), keeping the sampler's cost near 1% of a core. Summing RSS counts pages shared between those
 * processes twice (a few MB of libraries); a peak shorter than the interval can be missed. Page
 * cache is not counted (a cgroup's figure would include every file the build writes).
 */
import { processTree, readProcessTable, readStat, systemUnits, type ProcStat, type SystemUnits } from './bench-proc.ts';

export interface Sample {
  /** Milliseconds since the sampler started. */
  t: number;
  /** Resident bytes of the whole tree. */
  rss: number;
  /**
   * CPU milliseconds used so far by every process seen in the tree, each as last sampled, exited ones
   * included: Pagefind's binary is not waited for when its service closes, so no parent's "children"
   * time ever holds it (a process's own time, not its children's, is summed, so nothing counts twice).
   * Misses processes that lived between two scans of the process table, and each one's last interval.
   */
  cpuMs: number;
  processes: number;
}

export interface SamplerSummary {
  samples: Sample[];
  peakRss: number;
  /** When the peak was seen, milliseconds since start. */
  peakAt: number;
  /** Resident bytes by executable name at the peak, e.g. `{ node: …, pagefind: … }`. */
  peakByName: Record<string, number>;
  /** The most processes the tree had at once. */
  maxProcesses: number;
}

export interface SamplerOptions {
  root: number;
  intervalMs?: number;
  /** How often to look for new processes in the tree (a full scan of the process table). */
  scanEveryMs?: number;
  readTable?: () => ProcStat[];
  readOne?: (pid: number) => ProcStat | undefined;
  units?: SystemUnits;
  now?: () => number;
}

export interface Sampler {
  /** Takes one sample now (also done on every tick). */
  sample(): Sample;
  stop(): SamplerSummary;
}

function byName(tree: readonly ProcStat[], pageSize: number): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const stat of tree) sums[stat.comm] = (sums[stat.comm] ?? 0) + stat.rssPages * pageSize;
  return sums;
}

/** Reads the tree under `root`: a full scan of the process table at most every `scanEveryMs`, only its known members in between. */
function treeReader(options: SamplerOptions): (t: number) => ProcStat[] {
  const readTable = options.readTable ?? (() => readProcessTable());
  const readOne = options.readOne ?? ((pid: number) => readStat(pid));
  const scanEvery = options.scanEveryMs ?? 250;
  let members: number[] = [];
  let lastScan = -Infinity;
  return (t) => {
    let tree: ProcStat[];
    if (t - lastScan < scanEvery) tree = members.map((pid) => readOne(pid)).filter((stat): stat is ProcStat => stat !== undefined);
    else {
      lastScan = t;
      tree = processTree(readTable(), options.root);
    }
    members = tree.map((stat) => stat.pid);
    return tree;
  };
}

/** Starts sampling the tree under `root` right away; `stop()` ends it and returns what was seen. */
export function startSampler(options: SamplerOptions): Sampler {
  const readTree = treeReader(options);
  const units = options.units ?? systemUnits();
  const now = options.now ?? (() => performance.now());
  const started = now();
  const samples: Sample[] = [];
  let peak: { sample: Sample; byName: Record<string, number> } | undefined;
  const ownTicks = new Map<number, number>();

  const sample = (): Sample => {
    const t = now();
    const tree = readTree(t);
    const rss = tree.reduce((sum, stat) => sum + stat.rssPages, 0) * units.pageSize;
    for (const stat of tree) ownTicks.set(stat.pid, Math.max(ownTicks.get(stat.pid) ?? 0, stat.ticks));
    let ticks = 0;
    for (const seen of ownTicks.values()) ticks += seen;
    const taken = { t: t - started, rss, cpuMs: (ticks * 1000) / units.clockTicksPerSecond, processes: tree.length };
    if (tree.length === 0) return taken;
    samples.push(taken);
    if (!peak || rss > peak.sample.rss) peak = { sample: taken, byName: byName(tree, units.pageSize) };
    return taken;
  };
  sample();
  const timer = setInterval(sample, options.intervalMs ?? 50);
  const stop = (): SamplerSummary => {
    clearInterval(timer);
    const maxProcesses = samples.reduce((most, s) => Math.max(most, s.processes), 0);
    return { samples, peakRss: peak?.sample.rss ?? 0, peakAt: peak?.sample.t ?? 0, peakByName: peak?.byName ?? {}, maxProcesses };
  };
  return { sample, stop };
}

/**
 * The highest RSS and the CPU used between two moments of a run (ms since the sampler started). A
 * window shorter than the interval holds no sample: it gets the last sample taken before it ended.
 */
export function windowOf(samples: readonly Sample[], from: number, to: number): { peakRss?: number; cpuMs?: number } {
  const before = samples.filter((s) => s.t <= from).at(-1);
  const inside = samples.filter((s) => s.t >= from && s.t <= to);
  const seen = inside.length > 0 ? inside : samples.filter((s) => s.t <= to).slice(-1);
  if (seen.length === 0) return {};
  const last = seen.at(-1) as Sample;
  return {
    peakRss: seen.reduce((most, s) => Math.max(most, s.rss), 0),
    cpuMs: Math.max(0, last.cpuMs - (before?.cpuMs ?? 0)),
  };
}
