import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ProcStat } from '../src/bench-proc.ts';
import { startSampler, windowOf, type Sample } from '../src/bench-sampler.ts';

const MiB = 1024 * 1024;

/** A Node.js process that fills `mib` MiB (so every page is resident), says "ready" and waits. */
const holder = (mib: number) => `const b = Buffer.alloc(${mib} * 1024 * 1024, 1); console.log('ready'); setTimeout(() => b.length, 60000);`;

/** A Node.js process that holds `parentMib` itself and starts a child holding `childMib`; "ready" when both are. */
const family = (parentMib: number, childMib: number) => `
  const { spawn } = require('node:child_process');
  const b = Buffer.alloc(${parentMib} * 1024 * 1024, 1);
  const child = spawn(process.execPath, ['-e', ${JSON.stringify(holder(childMib))}], { stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout.once('data', () => console.log('ready'));
  setTimeout(() => b.length, 60000);`;

async function started(script: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  await once(child.stdout as NodeJS.ReadableStream, 'data');
  return child;
}

async function sampleFor(child: ChildProcess, ms: number) {
  const sampler = startSampler({ root: child.pid as number, intervalMs: 20 });
  await new Promise((resolve) => setTimeout(resolve, ms));
  const summary = sampler.stop();
  process.kill(-(child.pid as number), 'SIGKILL');
  return summary;
}

describe('the process tree sampler', () => {
  it('sees the memory a child holds', async () => {
    const summary = await sampleFor(await started(holder(200)), 300);
    expect(summary.peakRss).toBeGreaterThanOrEqual(200 * MiB);
    expect(summary.peakRss).toBeLessThan(200 * MiB + 150 * MiB);
    expect(summary.samples.length).toBeGreaterThan(3);
    expect(summary.maxProcesses).toBe(1);
  });

  it('sums the memory of a child and its grandchild', async () => {
    const summary = await sampleFor(await started(family(100, 150)), 300);
    expect(summary.maxProcesses).toBe(2);
    expect(summary.peakRss).toBeGreaterThanOrEqual(250 * MiB);
    expect(summary.peakByName.node).toBe(summary.peakRss);
  });

  it('reports the peak, when it was seen and CPU time in milliseconds', () => {
    let clock = 0;
    let tick = 0;
    const tables: ProcStat[][] = [
      [{ pid: 5, ppid: 1, comm: 'node', ticks: 10, childTicks: 0, rssPages: 100 }],
      [{ pid: 5, ppid: 1, comm: 'node', ticks: 20, childTicks: 0, rssPages: 300 }, { pid: 6, ppid: 5, comm: 'pagefind', ticks: 5, childTicks: 0, rssPages: 200 }, { pid: 7, ppid: 1, comm: 'other', ticks: 1, childTicks: 0, rssPages: 9999 }],
      [{ pid: 5, ppid: 1, comm: 'node', ticks: 40, childTicks: 8, rssPages: 150 }],
    ];
    const sampler = startSampler({ root: 5, intervalMs: 60_000, scanEveryMs: 0, readTable: () => tables[Math.min(tick++, 2)] as ProcStat[], units: { pageSize: 1000, clockTicksPerSecond: 100 }, now: () => clock });
    clock = 50;
    sampler.sample();
    clock = 100;
    sampler.sample();
    const summary = sampler.stop();
    // CPU: each process's own time as last seen, summed; Pagefind (pid 6) keeps counting after it is gone, and the
    // children's time node reports (8 ticks, Pagefind's) is not added again.
    expect(summary.samples.map((s) => [s.t, s.rss, s.cpuMs, s.processes])).toEqual([[0, 100_000, 100, 1], [50, 500_000, 250, 2], [100, 150_000, 450, 1]]);
    expect(summary).toMatchObject({ peakRss: 500_000, peakAt: 50, peakByName: { node: 300_000, pagefind: 200_000 }, maxProcesses: 2 });
  });

  it('reads only the tree’s own processes between scans, and finds new ones at the next scan', () => {
    let clock = 0;
    const table: ProcStat[] = [{ pid: 5, ppid: 1, comm: 'node', ticks: 0, childTicks: 0, rssPages: 1 }, { pid: 9, ppid: 1, comm: 'other', ticks: 0, childTicks: 0, rssPages: 1 }];
    let scans = 0;
    const reads: number[] = [];
    const sampler = startSampler({
      root: 5, intervalMs: 60_000, scanEveryMs: 250, now: () => clock, units: { pageSize: 1, clockTicksPerSecond: 100 },
      readTable: () => (scans++, table),
      readOne: (pid) => (reads.push(pid), table.find((s) => s.pid === pid)),
    });
    table.push({ pid: 6, ppid: 5, comm: 'pagefind', ticks: 0, childTicks: 0, rssPages: 10 });
    clock = 100;
    expect(sampler.sample().processes).toBe(1);
    clock = 260;
    expect(sampler.sample().processes).toBe(2);
    expect([scans, reads]).toEqual([2, [5]]);
    expect(sampler.stop().peakRss).toBe(11);
  });
});

describe('a window of samples', () => {
  const samples: Sample[] = [
    { t: 0, rss: 10, cpuMs: 0, processes: 1 },
    { t: 50, rss: 40, cpuMs: 30, processes: 1 },
    { t: 100, rss: 20, cpuMs: 80, processes: 1 },
    { t: 150, rss: 15, cpuMs: 90, processes: 1 },
  ];

  it('gives the highest RSS inside it and the CPU used since it opened', () => {
    expect(windowOf(samples, 40, 110)).toEqual({ peakRss: 40, cpuMs: 80 });
  });

  it('gives a window between two samples the sample before its end', () => {
    expect(windowOf(samples, 110, 120)).toEqual({ peakRss: 20, cpuMs: 0 });
  });

  it('gives nothing for a window before the first sample', () => {
    expect(windowOf([], 0, 10)).toEqual({});
  });
});
