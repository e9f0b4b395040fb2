import { describe, expect, it } from 'vitest';
import { parseStat, processTree, readProcessTable, systemUnits, type ProcStat } from '../src/bench-proc.ts';

// A real /proc/<pid>/stat line, with a name holding a space and a parenthesis.
const LINE = '4242 (my (odd) proc) S 4200 4242 4200 0 -1 4194560 3195 0 0 0 150 25 7 3 20 0 11 0 12345 1145470976 51234 18446744073709551615 1 1 0 0 0 0 0 16781312 17922 0 0 0 17 1 0 0 0 0 0';

const stat = (pid: number, ppid: number, comm = 'node'): ProcStat => ({ pid, ppid, comm, ticks: 0, childTicks: 0, rssPages: 1 });

describe('the process table', () => {
  it('reads pid, parent, name, CPU ticks and resident pages from a stat line', () => {
    expect(parseStat(LINE)).toEqual({ pid: 4242, ppid: 4200, comm: 'my (odd) proc', ticks: 175, childTicks: 10, rssPages: 51234 });
  });

  it('rejects a line that is cut short or not a stat line', () => {
    expect(parseStat('4242 (node) S 1')).toBeUndefined();
    expect(parseStat('hello')).toBeUndefined();
  });

  it('finds this process with its parent', () => {
    const self = readProcessTable().find((s) => s.pid === process.pid);
    expect(self?.ppid).toBe(process.ppid);
    expect(self?.rssPages).toBeGreaterThan(0);
  });

  it('collects a root and all its descendants, and nothing else', () => {
    const table = [stat(1, 0, 'init'), stat(10, 1, 'sh'), stat(11, 10), stat(12, 11, 'pagefind'), stat(13, 11, 'esbuild'), stat(20, 1, 'other'), stat(21, 20)];
    expect(processTree(table, 10).map((s) => s.pid).sort()).toEqual([10, 11, 12, 13]);
    expect(processTree(table, 99)).toEqual([]);
  });

  it('knows the page size and clock tick rate', () => {
    const units = systemUnits();
    expect(units.pageSize % 1024).toBe(0);
    expect(units.clockTicksPerSecond).toBeGreaterThan(0);
  });
});
