/**
 * `npm run check:content [-- --papers DIR] [--math]`: checks every paper against the content
 * contract without building, with the build's messages (src/check-cli.ts).
 */
import path from 'node:path';
import { runCheckCommand } from '../src/check-cli.ts';

runCheckCommand(process.argv.slice(2), {
  root: path.resolve(import.meta.dirname, '..'),
  cwd: process.env.INIT_CWD ?? process.cwd(),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  now: () => performance.now(),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
