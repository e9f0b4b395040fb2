/**
 * The paper parsing thread (started by src/content.ts `loadPapers` on large sites): parses the files
 * it is given and sends back the results, in order.
 */
import { parentPort } from 'node:worker_threads';
import { parsePaperFiles, type PaperFileEntry } from './content.ts';

export default function parseThread(entries: PaperFileEntry[]): void {
  parentPort?.postMessage(parsePaperFiles(entries));
}
