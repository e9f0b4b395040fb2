/**
 * Puts the bulk pages' files on disk (src/bulk-pages.ts): writes a rendered page's files and keeps
 * them in the page cache, or links a cached page's files from it, making each folder once. Creating
 * a file, a folder or a link is work for the kernel — about a third of the time a 60,000-paper build
 * spends on its 180,000 paper files — and none of it needs the pages' data, so a production build
 * does it on a thread of its own ({@link startPageWriter}) while the main thread renders the next
 * pages; on two cores the second is otherwise idle through most of a daily rebuild. The dev server,
 * tests and small sites use {@link inlinePageWriter}, which does the same work at once.
 */
import { writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { folderMaker } from './bulk-files.ts';
import { keepEntry, restoreEntry } from './page-cache.ts';

/** One page's files: written from `bodies` (and kept in the cache as `keep`), or linked from the cache entry `restore`. */
export type PageJob = { targets: string[]; bodies: string[]; keep?: string } | { targets: string[]; restore: string };

export interface PageWriter {
  /** Queues a job; returns its number (from 0). Throws if the writer has already failed. */
  send(job: PageJob): number;
  /** Waits until every job is done; resolves to the numbers of the restores whose cache entry had gone (nothing was left at their targets), or rejects with the first error. */
  finish(): Promise<number[]>;
}

/** Does the writing for one writer: a job at a time, each folder made once. */
export function pageJobRunner(cacheDir: string | undefined): (job: PageJob) => boolean {
  const makeFolderOf = folderMaker();
  const cacheFolders = new Set<string>();
  return (job) => {
    for (const target of job.targets) makeFolderOf(target);
    if ('restore' in job) return cacheDir !== undefined && restoreEntry(cacheDir, job.restore, job.targets);
    for (const [i, target] of job.targets.entries()) writeFileSync(target, job.bodies[i] as string);
    if (job.keep !== undefined && cacheDir !== undefined) keepEntry(cacheDir, job.keep, job.targets, cacheFolders);
    return true;
  };
}

/** Writes each job as it is sent, on this thread. */
export function inlinePageWriter(cacheDir?: string): PageWriter {
  const run = pageJobRunner(cacheDir);
  const missed: number[] = [];
  let sent = 0;
  return {
    send(job) {
      const number = sent++;
      if (!run(job)) missed.push(number);
      return number;
    },
    finish: () => Promise.resolve(missed),
  };
}

/** What the writer thread is started with. */
export interface PageWriterThreadData {
  cacheDir?: string;
  /** `[jobs in flight, failed (0 or 1)]`, shared with the main thread. */
  state: SharedArrayBuffer;
}

/** Messages to the writer thread: a batch of jobs, or the end. */
export type ToPageWriter = { jobs: PageJob[] } | { end: true };
/** The writer thread's one answer, after the end. */
export type FromPageWriter = { missed: number[] } | { error: string };

export const IN_FLIGHT = 0;
export const FAILED = 1;

export interface ThreadWriterOptions {
  /** Jobs sent at once (each message costs a hop between threads). */
  batch?: number;
  /** Jobs sent but not yet done past which `send` waits (rendered pages held in memory). */
  limit?: number;
  /** How long `send` waits for a writer that does not count down before it fails. */
  stallMs?: number;
  /** The thread's module (tests start one that cannot load). */
  threadModule?: URL;
}

const WAIT_MS = 250;

/**
 * Writes the jobs on a worker thread (./page-writer-thread.ts). `send` returns at once unless more
 * than `limit` jobs are waiting, so the pages rendered but not yet written stay few (at 60,000
 * papers, all of them would be 900 MB). A job that fails fails the writer: later jobs are dropped,
 * `send` throws and `finish` rejects with the error.
 */
export function startPageWriter(cacheDir?: string, options: ThreadWriterOptions = {}): PageWriter {
  const batchSize = options.batch ?? 32;
  const limit = options.limit ?? 128;
  const stallMs = options.stallMs ?? 60_000;
  const shared = new SharedArrayBuffer(8);
  const state = new Int32Array(shared);
  const workerData: { module: string; data: PageWriterThreadData } = {
    module: (options.threadModule ?? new URL('./page-writer-thread.ts', import.meta.url)).href,
    data: { ...(cacheDir !== undefined ? { cacheDir } : {}), state: shared },
  };
  const worker = new Worker(new URL('./ts-worker.mjs', import.meta.url), { workerData });
  const answer = new Promise<number[]>((resolve, reject) => {
    worker.once('message', (message: FromPageWriter) => ('missed' in message ? resolve(message.missed) : reject(new Error(message.error))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the page writer stopped (exit code ${code}) before it finished`)));
  });
  answer.catch(() => {});
  let batch: PageJob[] = [];
  let sent = 0;
  const failed = () => Atomics.load(state, FAILED) !== 0;
  const flush = () => {
    if (batch.length === 0) return;
    Atomics.add(state, IN_FLIGHT, batch.length);
    worker.postMessage({ jobs: batch } satisfies ToPageWriter);
    batch = [];
  };
  return {
    send(job) {
      if (failed()) throw new Error('the page writer failed (its error follows when the build ends)');
      batch.push(job);
      if (batch.length >= batchSize) flush();
      let stalled = 0;
      for (let waiting = Atomics.load(state, IN_FLIGHT); waiting > limit && !failed(); waiting = Atomics.load(state, IN_FLIGHT)) {
        // A thread that died (it could not even start) never counts down, and its error event cannot
        // arrive while this thread waits: give up after a stall, and let `finish` tell why.
        if (Atomics.wait(state, IN_FLIGHT, waiting, WAIT_MS) === 'timed-out' && ++stalled * WAIT_MS >= stallMs) {
          Atomics.store(state, FAILED, 1);
          throw new Error(`the page writer made no progress for ${stallMs / 1000} s`);
        }
      }
      return sent++;
    },
    async finish() {
      flush();
      worker.postMessage({ end: true } satisfies ToPageWriter);
      try {
        return await answer;
      } finally {
        await worker.terminate();
      }
    },
  };
}
