/**
 * The page writer's thread (started by src/page-writer.ts `startPageWriter`): runs each batch of
 * jobs as it arrives, counting each job done in the shared state; after the first error it only
 * counts the rest. At the end it answers with the restores that missed, or the error.
 */
import { parentPort } from 'node:worker_threads';
import { FAILED, IN_FLIGHT, pageJobRunner, type FromPageWriter, type PageWriterThreadData, type ToPageWriter } from './page-writer.ts';

export default function pageWriterThread({ cacheDir, state: shared }: PageWriterThreadData): void {
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
