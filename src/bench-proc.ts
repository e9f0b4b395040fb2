/**
 * Reads Linux's process table (`/proc/<pid>/stat`, proc(5)) to measure a process tree from outside:
 * each process's parent, resident memory and CPU time. One small file per process holds all of it,
 * so a snapshot of the whole machine costs a few milliseconds. Linux only, like the benchmark.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcStat {
  pid: number;
  ppid: number;
  /** The executable's name, at most 15 characters (`node`, `pagefind`, `esbuild`). */
  comm: string;
  /** User + system time of the process, in clock ticks. */
  ticks: number;
  /** User + system time of its children that exited and were waited for, in clock ticks. */
  childTicks: number;
  /** Resident set size, in pages. */
  rssPages: number;
}

/** Parses one `/proc/<pid>/stat` line; the name may hold spaces and parentheses, so fields count from the last `)`. */
export function parseStat(text: string): ProcStat | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const fields = text.slice(close + 2).trim().split(' ');
  // fields[0] is field 3 of proc(5): state; ppid is 4, utime 14, stime 15, cutime 16, cstime 17, rss 24.
  const at = (n: number) => Number(fields[n - 3]);
  const stat = {
    pid: Number(text.slice(0, open)),
    ppid: at(4),
    comm: text.slice(open + 1, close),
    ticks: at(14) + at(15),
    childTicks: at(16) + at(17),
    rssPages: at(24),
  };
  return Object.values(stat).some((value) => typeof value === 'number' && Number.isNaN(value)) ? undefined : stat;
}

/** One process's stat, or undefined when it has exited. */
export function readStat(pid: number, procDir = '/proc'): ProcStat | undefined {
  try {
    return parseStat(readFileSync(`${procDir}/${pid}/stat`, 'latin1'));
  } catch {
    return undefined;
  }
}

/** Every process visible in `procDir`; processes that exit while it is read are left out. */
export function readProcessTable(procDir = '/proc'): ProcStat[] {
  const table: ProcStat[] = [];
  for (const name of readdirSync(procDir)) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name), procDir);
    if (stat) table.push(stat);
  }
  return table;
}

/** `root` and all its descendants in `table` (empty when `root` is not in it). */
export function processTree(table: readonly ProcStat[], root: number): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  for (const stat of table) {
    const siblings = children.get(stat.ppid);
    if (siblings) siblings.push(stat);
    else children.set(stat.ppid, [stat]);
  }
  const tree = table.filter((stat) => stat.pid === root);
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get((tree[i] as ProcStat).pid) ?? []));
  return tree;
}

export interface SystemUnits {
  pageSize: number;
  clockTicksPerSecond: number;
}

function getconf(name: string, fallback: number): number {
  try {
    const value = Number(execFileSync('getconf', [name], { encoding: 'utf8' }).trim());
    return Number.isFinite(value) && value > 0 ? value : fallback;
  } catch {
    return fallback;
  }
}

/** The page size and clock tick rate that `/proc` numbers are counted in (usually 4096 and 100). */
export function systemUnits(): SystemUnits {
  return { pageSize: getconf('PAGESIZE', 4096), clockTicksPerSecond: getconf('CLK_TCK', 100) };
}
