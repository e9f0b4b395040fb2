/**
 * The build's search indexer runs in a child process (src/search-child.ts), so it indexes while the
 * build writes pages: in the build's own process, Pagefind's replies waited behind page rendering
 * and the first shard took 100 s instead of 6 on a 60,000-paper site. The parent makes the plan
 * (shards, src/search-index.ts) and hands it over in files, a shard's search sources in each (a message of
 * 100 MB would only flow while the parent's event loop is free, and rendering pages keeps it busy;
 * and one shard's records at a time is all either process holds); the child reads them, makes the
 * records (parsing the abstracts whose text the build did not know yet), indexes,
 * writes the files, keeps and prunes the disk cache, and reports its lines back. A failure or crash
 * of the child rejects with what it said, and the build fails keeping the old output.
 */
import { fork } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { SearchIndexError, type SearchIndexResult, type SearchPlan } from './search-index.ts';
import type { SearchSource } from './search-records.ts';

/** The child's one job: index this plan into `outDir`, with the disk cache in `cacheDir` if any. */
export interface SearchJob {
  plan: SearchPlan;
  outDir: string;
  cacheDir?: string;
}

/** What the child says: log lines, then exactly one of done or failed. */
export type SearchChildMessage =
  | { type: 'log'; line: string }
  | { type: 'done'; result: SearchIndexResult; pruned: number }
  | { type: 'failed'; message: string; searchError: boolean };

export interface SearchRun {
  /** Settles when the child has finished (files written) or failed. */
  done: Promise<SearchIndexResult & { pruned: number }>;
  /** Stops the child (the build failed elsewhere); `done` then rejects. */
  cancel(): void;
}

const CHILD = fileURLToPath(new URL('./search-child.ts', import.meta.url));

/** A job as written to disk: the plan's facts, and each shard's search sources in a file of its own. */
interface SearchJobFile {
  plan: Omit<SearchPlan, 'shards'> & { shards: { first: string; last: string; papers: number; file: string }[] };
  outDir: string;
  cacheDir?: string;
}

const shardFile = (jobFile: string, i: number) => `${jobFile}.${i}`;

/**
 * Writes a job where a child can read it (V8's serialization: structured, fast): each shard's
 * sources to `<file>.<i>`, listed and written one shard at a time, then the job itself to `file`.
 */
export function writeSearchJob(file: string, job: SearchJob): void {
  const shards = job.plan.shards.map((shard, i) => {
    writeFileSync(shardFile(file, i), serialize(shard.sources()));
    return { first: shard.first, last: shard.last, papers: shard.papers, file: shardFile(file, i) };
  });
  const written: SearchJobFile = { ...job, plan: { ...job.plan, shards } };
  writeFileSync(file, serialize(written));
}

/** Reads a job file and removes it; each shard's sources are read (and their file removed) when asked for. */
export function takeSearchJob(file: string): SearchJob {
  const job = deserialize(readFileSync(file)) as SearchJobFile;
  rmSync(file, { force: true });
  const shards = job.plan.shards.map(({ file: sources, ...shard }) => ({
    ...shard,
    sources: () => {
      const read = deserialize(readFileSync(sources)) as SearchSource[];
      rmSync(sources, { force: true });
      return read;
    },
  }));
  return { ...job, plan: { ...job.plan, shards } };
}

/** Removes a job's files, whatever is left of them. */
function removeSearchJob(file: string, shards: number): void {
  rmSync(file, { force: true });
  for (let i = 0; i < shards; i++) rmSync(shardFile(file, i), { force: true });
}

/**
 * Starts indexing `job` in a child process; its log lines go to `log` as they come (when the
 * parent's event loop is free). `jobFile` is where the job is handed over (removed by the child).
 */
export function indexInChildProcess(job: SearchJob, jobFile: string, log: (line: string) => void): SearchRun {
  // tsx is resolved from the project folder, the child's working directory. The child starts (Node
  // and tsx take about a second) while the job is written.
  const child = fork(CHILD, [], { cwd: path.dirname(path.dirname(CHILD)), execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const done = new Promise<SearchIndexResult & { pruned: number }>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (!settled) outcome();
      settled = true;
    };
    child.on('message', (message: SearchChildMessage) => {
      if (message.type === 'log') log(message.line);
      else if (message.type === 'done') settle(() => resolve({ ...message.result, pruned: message.pruned }));
      else settle(() => reject(message.searchError ? new SearchIndexError(message.message) : new Error(`search index: ${message.message}`)));
    });
    child.on('error', (error) => settle(() => reject(error)));
    child.on('exit', (code, signal) => {
      settle(() => reject(new SearchIndexError(`search index: the indexing process stopped (${signal ?? `exit code ${code}`}) before it finished`)));
    });
  });
  const shards = job.plan.shards.length;
  const finished = done.finally(() => removeSearchJob(jobFile, shards));
  // The build awaits `done` only once its pages are written: a failure before that is not unhandled.
  finished.catch(() => {});
  try {
    writeSearchJob(jobFile, job);
  } catch (error) {
    child.kill();
    throw error;
  }
  child.send({ jobFile });
  return { done: finished, cancel: () => void child.kill() };
}
