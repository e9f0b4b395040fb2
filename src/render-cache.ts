/**
 * The render cache on disk, in one folder that survives between builds (`.cache/paperfeed/`; on
 * Netlify the render-cache build plugin saves and restores it). Entries are sharded by the papers'
 * listing month, one gzipped JSON file per shard, so a daily build rewrites one small file instead
 * of 100,000 tiny ones or one huge blob. Files are written to a temporary name and renamed, so a
 * reader never sees half a file and concurrent builds cannot corrupt one; a file that cannot be
 * read (partial, corrupt, another renderer) is ignored and rewritten; entries no paper used in the
 * build are dropped, so the cache stays the size of the site.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { rendererFingerprint, type CacheReport, type RenderCache } from './abstracts.ts';
import type { RenderedAbstract } from './markdown.ts';

const FORMAT = 1;
const SUFFIX = '.json.gz';
/** A temporary file older than this belongs to a build that died; it is removed. */
const STALE_TEMP_MS = 60 * 60 * 1000;
/** Shard files read at once. */
const LOAD_BATCH = 4;
/** Fast compression: a first build writes every shard; level 6 would make files 15% smaller at twice the cost. */
const GZIP_LEVEL = 1;
/** Large output chunks: a shard inflates to ~20 MB, and 16 kB chunks cost more than the inflating. */
const GUNZIP_CHUNK = 1 << 20;
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

type Entry = [html: string, text: string, hasMath: boolean, warnings: string[]];

interface Shard {
  entries: Map<string, RenderedAbstract>;
  used: Set<string>;
  /** True when the file on disk differs from what this build keeps. */
  dirty: boolean;
}

export interface DiskCacheOptions {
  /** The cache folder; shards go in its `abstracts/` folder. */
  dir: string;
  /** The clock, for removing temporary files of builds that died. */
  now: () => number;
  /** Defaults to the current renderer's; files of another renderer are ignored. */
  renderer?: string;
}

/** A shard name is a listing month (`2025-03`); anything else is hashed into a safe file name. */
function fileName(shard: string): string {
  return /^[\w-]{1,64}$/.test(shard) ? `${shard}${SUFFIX}` : `x-${Buffer.from(shard).toString('hex').slice(0, 64)}${SUFFIX}`;
}

function isEntry(value: unknown): value is Entry {
  return Array.isArray(value) && value.length === 4 && typeof value[0] === 'string' && typeof value[1] === 'string' &&
    typeof value[2] === 'boolean' && Array.isArray(value[3]) && value[3].every((w) => typeof w === 'string');
}

/** Reads one shard file; undefined when it is missing, and 'unreadable' when it is not a valid shard. */
async function readShard(file: string, renderer: string): Promise<Map<string, RenderedAbstract> | undefined | 'unreadable'> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return undefined;
  }
  try {
    const data = JSON.parse((await gunzipAsync(bytes, { chunkSize: GUNZIP_CHUNK })).toString('utf8')) as { format?: unknown; renderer?: unknown; entries?: unknown };
    if (data.format !== FORMAT || data.renderer !== renderer || typeof data.entries !== 'object' || !data.entries) return 'unreadable';
    const entries = new Map<string, RenderedAbstract>();
    for (const [key, value] of Object.entries(data.entries)) {
      if (isEntry(value)) entries.set(key, { html: value[0], text: value[1], hasMath: value[2], warnings: value[3] });
    }
    return entries;
  } catch {
    return 'unreadable';
  }
}

async function writeShard(file: string, renderer: string, entries: Map<string, RenderedAbstract>): Promise<number> {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : 1));
  const json = JSON.stringify({ format: FORMAT, renderer, entries: Object.fromEntries(sorted.map(([k, v]) => [k, [v.html, v.text, v.hasMath, v.warnings]])) });
  const bytes = await gzipAsync(json, { level: GZIP_LEVEL });
  const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, file);
  return bytes.byteLength;
}

export function openRenderCache(options: DiskCacheOptions): RenderCache {
  const dir = path.join(options.dir, 'abstracts');
  const renderer = options.renderer ?? rendererFingerprint();
  const shards = new Map<string, Shard>();
  let ignored = 0;
  const shardOf = (name: string) => {
    let shard = shards.get(name);
    if (!shard) shards.set(name, (shard = { entries: new Map(), used: new Set(), dirty: true }));
    return shard;
  };
  return {
    async load(names) {
      const missing = names.filter((name) => !shards.has(name));
      // A few files at a time: gunzip runs on other threads, and memory holds only a few raw files.
      for (let start = 0; start < missing.length; start += LOAD_BATCH) {
        const batch = missing.slice(start, start + LOAD_BATCH);
        const read = await Promise.all(batch.map((name) => readShard(path.join(dir, fileName(name)), renderer)));
        batch.forEach((name, i) => {
          const result = read[i];
          if (result === 'unreadable') ignored++;
          shards.set(name, { entries: result instanceof Map ? result : new Map(), used: new Set(), dirty: !(result instanceof Map) });
        });
      }
    },
    get(key, name) {
      const shard = shards.get(name);
      const value = shard?.entries.get(key);
      if (value) shard?.used.add(key);
      return value;
    },
    set(key, name, value) {
      const shard = shardOf(name);
      shard.entries.set(key, value);
      shard.used.add(key);
      shard.dirty = true;
    },
    async save() {
      await mkdir(dir, { recursive: true });
      const report = await saveShards(dir, renderer, shards);
      const removed = await removeLeftovers(dir, new Set([...shards.keys()].map(fileName)), options.now());
      const result: CacheReport = { ...report, removed, dir: options.dir, ignored };
      ignored = 0;
      return result;
    },
  };
}

/** Drops unused entries and shards, writes the shards that changed, and sums their sizes. */
async function saveShards(dir: string, renderer: string, shards: Map<string, Shard>) {
  let written = 0;
  let bytes = 0;
  for (const [name, shard] of [...shards]) {
    for (const key of shard.entries.keys()) {
      if (!shard.used.has(key)) {
        shard.entries.delete(key);
        shard.dirty = true;
      }
    }
    const file = path.join(dir, fileName(name));
    if (shard.entries.size === 0) {
      shards.delete(name);
      continue;
    }
    if (shard.dirty) {
      bytes += await writeShard(file, renderer, shard.entries);
      written++;
    } else bytes += (await stat(file).catch(() => undefined))?.size ?? 0;
    shard.used = new Set();
    shard.dirty = false;
  }
  return { shards: shards.size, written, bytes };
}

/** Removes shard files this build did not use and temporary files of builds that died. */
async function removeLeftovers(dir: string, keep: Set<string>, now: number): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir)) {
    const file = path.join(dir, name);
    if (name.endsWith(SUFFIX) && !keep.has(name)) {
      await rm(file, { force: true });
      removed++;
    } else if (name.endsWith('.tmp')) {
      const info = await stat(file).catch(() => undefined);
      if (info && now - info.mtimeMs > STALE_TEMP_MS) await rm(file, { force: true });
    }
  }
  return removed;
}

/** `cache: 1 of 27 shards written, 0 removed, 0 ignored (104.2 MB in .cache/paperfeed)` */
export function formatCacheReport(report: CacheReport, label: (dir: string) => string = (d) => d): string {
  const size = report.bytes >= 1e6 ? `${(report.bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(report.bytes / 1e3)} kB`;
  const ignored = report.ignored > 0 ? `${report.ignored} ignored (unreadable or from another renderer)` : '0 ignored';
  return `cache: ${report.written} of ${report.shards} shards written, ${report.removed} removed, ${ignored} (${size} in ${label(report.dir)})`;
}
