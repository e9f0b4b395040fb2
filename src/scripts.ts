/**
 * The site's JavaScript, written in TypeScript under `src/browser/`: the search page's UI and the
 * header's "/" shortcut. Each is bundled by esbuild into one minified file named by a hash of its
 * content, so browsers and CDNs may cache it forever. Files, never inline code: the site runs under
 * a Content-Security-Policy without 'unsafe-inline' for scripts.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { build } from 'esbuild';

export interface Script {
  /** Where it is written, e.g. `/assets/search.3f9a2c1b0d.js`. */
  path: string;
  code: string;
}

export interface Scripts {
  /** The search page's UI, an ES module (deferred); only `/search/` loads it. */
  search: Script;
  /** The header's "/" shortcut, a classic deferred script on every page. */
  shortcut: Script;
}

const BROWSER_DIR = path.join(import.meta.dirname, 'browser');

async function bundle(name: string, entry: string, format: 'esm' | 'iife'): Promise<Script> {
  const result = await build({
    entryPoints: [path.join(BROWSER_DIR, entry)],
    bundle: true,
    format,
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  const code = (result.outputFiles[0] as { text: string }).text;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 10);
  return { path: `/assets/${name}.${hash}.js`, code };
}

/** Bundles the browser code; a syntax error fails the build with esbuild's message (`npm run typecheck` checks types). */
export async function bundleScripts(): Promise<Scripts> {
  const [search, shortcut] = await Promise.all([bundle('search', 'search-page.ts', 'esm'), bundle('shortcut', 'shortcut.ts', 'iife')]);
  return { search, shortcut };
}
