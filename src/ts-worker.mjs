/**
 * Starts a worker thread on a TypeScript module: registers tsx in this thread (a worker does not
 * inherit the main thread's `--import tsx`), imports `workerData.module` and calls its default
 * export with `workerData.data`.
 */
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { default: start } = await import(workerData.module);
start(workerData.data);
