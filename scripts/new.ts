/**
 * `npm run new -- <arxiv-id | "title"> [--date YYYY-MM-DD] [--name slug]`: scaffolds a paper file
 * listed today (src/new-cli.ts). Today is read here, from this computer's clock, in UTC.
 */
import path from 'node:path';
import { runNewCommand } from '../src/new-cli.ts';

runNewCommand(process.argv.slice(2), {
  root: path.resolve(import.meta.dirname, '..'),
  cwd: process.env.INIT_CWD ?? process.cwd(),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  today: () => new Date().toISOString().slice(0, 10),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
