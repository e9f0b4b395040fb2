/**
 * The search indexing process (started by src/search-process.ts): reads one job file, indexes it with
 * Pagefind, reports each line and the result, and exits.
 */
import { collectGarbage } from './gc.ts';
import { openSearchIndexCache } from './search-cache.ts';
import { SearchIndexError, writeSearchShards } from './search-index.ts';
import { takeSearchJob, type SearchChildMessage, type SearchJob } from './search-process.ts';

function send(message: SearchChildMessage): Promise<void> {
  return new Promise((resolve) => process.send!(message, () => resolve()));
}

async function run(job: SearchJob): Promise<void> {
  const cache = job.cacheDir === undefined ? undefined : openSearchIndexCache(job.cacheDir);
  try {
    const result = await writeSearchShards(job.plan, { outDir: job.outDir, ...(cache ? { cache } : {}), betweenShards: collectGarbage, log: (line) => void send({ type: 'log', line }) });
    await send({ type: 'done', result, pruned: cache?.prune() ?? 0 });
  } catch (error) {
    await send({ type: 'failed', message: error instanceof Error ? error.message : String(error), searchError: error instanceof SearchIndexError });
  }
  process.disconnect();
}

process.once('message', ({ jobFile }: { jobFile: string }) => void run(takeSearchJob(jobFile)));
