/**
 * The paper page's one script, `client/copy-bibtex.js` (the "Copy BibTeX" button), served as a
 * file under `/assets/` and named by a hash of its content like the stylesheet, so it may be cached
 * forever and a Content-Security-Policy of `script-src 'self'` allows it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Script {
  /** Where it is written, e.g. `/assets/copy-bibtex.3f9a2c1b0d.js`. */
  path: string;
  js: string;
}

export function loadCiteScript(file = path.join(import.meta.dirname, 'client/copy-bibtex.js')): Script {
  const js = readFileSync(file, 'utf8');
  const hash = createHash('sha256').update(js).digest('hex').slice(0, 10);
  return { path: `/assets/copy-bibtex.${hash}.js`, js };
}
