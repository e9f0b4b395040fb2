/**
 * Reading a written search index the way Pagefind's browser code does: its files are gzip with a
 * `pagefind_dcd` signature, and a fragment is the JSON of one indexed page.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** The fragments of one Pagefind bundle folder (e.g. `_site/pagefind`), in file name order. */
export async function readFragments(bundle: string): Promise<Fragment[]> {
  const names = (await readdir(path.join(bundle, 'fragment'))).sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = gunzipSync(await readFile(path.join(bundle, 'fragment', name)));
      if (bytes.subarray(0, 12).toString() !== 'pagefind_dcd') throw new Error(`${name}: not a Pagefind file`);
      return JSON.parse(bytes.subarray(12).toString('utf8')) as Fragment;
    }),
  );
}

/** Every fragment of every shard of a built site, by the manifest. */
export async function readSiteFragments(outDir: string): Promise<Fragment[]> {
  const manifest = JSON.parse(await readFile(path.join(outDir, 'pagefind/shards.json'), 'utf8')) as { shards: { path: string }[] };
  const all = await Promise.all(manifest.shards.map((shard) => readFragments(path.join(outDir, shard.path))));
  return all.flat();
}
