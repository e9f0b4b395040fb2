/**
 * `npm run import -- <hf|arxiv> <file|url|-> [--date YYYY-MM-DD] [--skip-invalid] [--dry-run]`:
 * imports a Hugging Face daily-papers or arXiv API response into content/papers/ (src/import-cli.ts).
 */
import path from 'node:path';
import { runImportCommand } from '../src/import-cli.ts';

const root = path.resolve(import.meta.dirname, '..');

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

runImportCommand(process.argv.slice(2), {
  root,
  cwd: process.env.INIT_CWD ?? process.cwd(),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  now: () => performance.now(),
  readStdin,
  tag: process.pid,
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    console.error('import failed: nothing was written');
    process.exit(1);
  },
);
