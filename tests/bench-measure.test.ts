import { describe, expect, it } from 'vitest';
import { parseTimes, runMeasured } from '../src/bench-measure.ts';

const node = (script: string) => runMeasured(process.execPath, ['-e', script], { cwd: process.cwd(), env: process.env, intervalMs: 20 });

describe('a measured command', () => {
  it('keeps every output line with its stream (in order within a stream) and the exit code', async () => {
    const run = await node(`console.log('load: 3 papers (12 ms)'); console.error('a warning'); console.log('done: _site in 40 ms'); process.exitCode = 3;`);
    expect(run.code).toBe(3);
    const of = (stream: string) => run.lines.filter((l) => l.stream === stream).map((l) => l.text);
    expect(of('stdout')).toEqual(['load: 3 papers (12 ms)', 'done: _site in 40 ms']);
    expect(of('stderr')).toEqual(['a warning']);
    expect(run.lines.every((l) => l.t >= 0 && l.t <= run.wallMs)).toBe(true);
  });

  it('reports the CPU time of the whole tree, including a child that already exited', async () => {
    const spin = `while (process.cpuUsage().user < 400_000);`;
    const run = await node(`require('node:child_process').execFileSync(process.execPath, ['-e', ${JSON.stringify(spin)}]);`);
    expect(run.code).toBe(0);
    // The grandchild used 400 ms of user CPU and exited before the command did: only the kernel's account of waited-for children has it.
    expect(run.cpu?.userMs).toBeGreaterThanOrEqual(400);
    expect(run.sampler.maxProcesses).toBeGreaterThanOrEqual(2);
  });

  it('reports a command killed by a signal as 128 + the signal number', async () => {
    const run = await node(`process.kill(process.pid, 'SIGKILL');`);
    expect(run.code).toBe(137);
  });

  it('samples the tree while it runs', async () => {
    const run = await node(`const b = Buffer.alloc(64 * 1024 * 1024, 1); setTimeout(() => b.length, 300);`);
    expect(run.sampler.peakRss).toBeGreaterThanOrEqual(64 * 1024 * 1024);
  });

  it('can be stopped, taking the whole tree down', async () => {
    const controller = new AbortController();
    const running = runMeasured(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { cwd: process.cwd(), env: process.env, signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const run = await running;
    expect(run.code).toBe(137);
  });
});

describe('the shell times report', () => {
  it('reads the children line, as dash and bash print it', () => {
    expect(parseTimes('0m0.004000s 0m0.000000s\n1m2.500000s 0m3.250000s\n')).toEqual({ userMs: 62_500, sysMs: 3_250 });
    expect(parseTimes('0m0.004s 0m0.000s\n0m7.010s 0m0.990s')).toEqual({ userMs: 7_010, sysMs: 990 });
  });

  it('gives nothing for anything else', () => {
    expect(parseTimes('')).toBeUndefined();
    expect(parseTimes('0m0.004s 0m0.000s')).toBeUndefined();
  });
});
