/**
 * Runs one command the way the benchmark measures it, entirely from outside: wall time from spawn
 * to exit, every output line with the moment it arrived, the process tree's RSS and CPU sampled
 * from `/proc` (./bench-sampler.ts), and the exact CPU time of the whole tree from the kernel. For
 * the last, the command runs under `sh`, whose `times` builtin prints the user and system time of
 * every child it waited for — and they include their own waited-for descendants (getrusage(2),
 * RUSAGE_CHILDREN), Pagefind's binary among them. The command gets its own process group, so a
 * stop takes the whole tree down.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { startSampler, type Sample, type SamplerSummary } from './bench-sampler.ts';

export interface OutputLine {
  /** Milliseconds after spawn. */
  t: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface MeasuredRun {
  /** Exit code; 128 + n when killed by signal n. */
  code: number;
  wallMs: number;
  /** User and system CPU of the whole tree, exact; undefined if the shell could not report it. */
  cpu?: { userMs: number; sysMs: number };
  lines: OutputLine[];
  sampler: SamplerSummary;
}

export interface MeasureOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  intervalMs?: number;
  onLine?: (line: OutputLine) => void;
  /** Called about every `tickMs` with the latest sample (progress output). */
  onTick?: (sample: Sample) => void;
  tickMs?: number;
  signal?: AbortSignal;
}

const WRAPPER = '"$@"; status=$?; times >&3; exit $status';

/** Parses `times` output (`0m0.01s 0m0.00s` for the shell, then the same for its children) into ms. */
export function parseTimes(text: string): { userMs: number; sysMs: number } | undefined {
  const lines = text.trim().split('\n');
  const children = lines[1]?.match(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/);
  if (!children) return undefined;
  const ms = (minutes: string, seconds: string) => Math.round((Number(minutes) * 60 + Number(seconds)) * 1000);
  return { userMs: ms(children[1] as string, children[2] as string), sysMs: ms(children[3] as string, children[4] as string) };
}

function readLines(stream: Readable, name: OutputLine['stream'], started: number, lines: OutputLine[], onLine?: (line: OutputLine) => void): Promise<void> {
  return new Promise((resolve) => {
    const reader = createInterface({ input: stream, crlfDelay: Infinity });
    reader.on('line', (text) => {
      const line = { t: performance.now() - started, stream: name, text };
      lines.push(line);
      onLine?.(line);
    });
    reader.on('close', resolve);
  });
}

export async function runMeasured(command: string, args: readonly string[], options: MeasureOptions): Promise<MeasuredRun> {
  const started = performance.now();
  const child = spawn('sh', ['-c', WRAPPER, 'bench', command, ...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const stop = () => child.pid && process.kill(-child.pid, 'SIGKILL');
  options.signal?.addEventListener('abort', stop, { once: true });
  const sampler = startSampler({ root: child.pid ?? -1, ...(options.intervalMs ? { intervalMs: options.intervalMs } : {}) });
  const ticker = setInterval(() => options.onTick?.(sampler.sample()), options.tickMs ?? 10_000);
  const lines: OutputLine[] = [];
  let times = '';
  (child.stdio[3] as Readable).on('data', (chunk: Buffer) => (times += chunk.toString('utf8')));
  const exited = new Promise<number>((resolve) => child.on('close', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0))));
  const [code] = await Promise.all([
    exited,
    readLines(child.stdout as Readable, 'stdout', started, lines, options.onLine),
    readLines(child.stderr as Readable, 'stderr', started, lines, options.onLine),
  ]);
  const wallMs = performance.now() - started;
  clearInterval(ticker);
  options.signal?.removeEventListener('abort', stop);
  const cpu = parseTimes(times);
  return { code, wallMs, ...(cpu ? { cpu } : {}), lines, sampler: sampler.stop() };
}
