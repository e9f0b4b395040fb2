/**
 * The page writer's thread (started by src/page-writer.ts `startPageWriter`): runs each batch of
 * jobs as it arrives, counting each job done in the shared state; after the first error it only
 * counts the rest. At the end it answers with the restores that missed, or the error.
 */
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { FAILED, IN_FLIGHT, pageJobRunner, type FromPageWriter, type PageWriterThreadData, type ToPageWriter } from './page-writer.ts';

/**
 * The thread's nice value (Linux sets it per thread). Making files must not take a core from the
 * renderer or from Pagefind, the two long chains of a cold build: with both busy, this thread mostly
 * runs while the renderer waits for it (`limit` jobs behind).
 */
export const WRITER_NICE = 10;

export default function pageWriterThread({ cacheDir, state: shared }: PageWriterThreadData): void {
  try {
    os.setPriority(WRITER_NICE);
  } catch {
    // Not allowed here: the thread runs at the build's priority.
  }
  const state = new Int32Array(shared);
  const run = pageJobRunner(cacheDir);
  const missed: number[] = [];
  let done = 0;
  let error: string | undefined;
  const port = parentPort as NonNullable<typeof parentPort>;
  port.on('message', (message: ToPageWriter) => {
    if ('end' in message) {
      port.postMessage((error === undefined ? { missed } : { error }) satisfies FromPageWriter);
      port.close();
      return;
    }
    for (const job of message.jobs) {
      if (error === undefined) {
        try {
          if (!run(job)) missed.push(done);
        } catch (failure) {
          error = failure instanceof Error ? failure.message : String(failure);
          Atomics.store(state, FAILED, 1);
        }
      }
      done++;
      Atomics.sub(state, IN_FLIGHT, 1);
      Atomics.notify(state, IN_FLIGHT);
    }
  });
}
