/**
 * Writes the search index into a built site before it is swapped in (DESIGN §3; during a
 * production build in a child process, src/search-process.ts). The papers are split into shards, runs of whole listing days of at most
 * `searchShardPapers` papers, each its own Pagefind index built through Pagefind's Node API one at
 * a time: the indexer's memory is bounded by a shard, not the site, and a browser searches the
 * newest shard first. The newest shard and Pagefind's runtime (its JavaScript, worker and
 * WebAssembly) go to `/pagefind/`, older shards to `/pagefind/<first day>/`, and
 * `/pagefind/shards.json` lists them. Any error Pagefind reports fails the build.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { writeOutputFiles } from './bulk-files.ts';
import { countOf } from './filters.ts';
import { MANIFEST_VERSION, type SearchManifest, type SearchShard } from './search-manifest.ts';
import { groupIntoShards, searchLanguage, searchSource, toSearchRecords, type SearchRecord, type SearchSettings, type SearchSource } from './search-records.ts';
import type { SiteSettings } from './site.ts';
import { searchManifestPath, searchShardPath } from './urls.ts';

/** Pagefind's files for one index, as `getFiles()` returns them (paths relative to the bundle). */
export interface IndexFile {
  path: string;
  content: Uint8Array;
}

/** Keeps a shard's index files by a hash of its records, so unchanged shards are not indexed again. */
export interface SearchIndexCache {
  get(key: string): IndexFile[] | undefined;
  set(key: string, files: IndexFile[]): void;
}

export interface SearchIndexOptions {
  papers: SearchSource[];
  /** The built site folder; the index goes to its `pagefind/`. */
  outDir: string;
  settings: SiteSettings;
  cache?: SearchIndexCache;
  log?: (line: string) => void;
  now?: () => number;
}

export interface SearchIndexResult {
  manifest: SearchManifest;
  /** Files written, manifest included. */
  files: number;
}

/** Pagefind reported a problem: the build must fail and keep the previous output. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/** The pinned `pagefind` dependency: cached indexes are only reused by the same version. */
export const PAGEFIND_VERSION = '1.6.0';
/** A shard's fragments are bundled into shared files past this many papers (no folder grows past it). */
export const MAX_FRAGMENT_FILES = 10_000;
/**
 * Pagefind's word index chunk size, in word positions (its default is 20,000). A query loads the
 * chunk of each of its words from every shard it searches; smaller chunks halve those bytes (for a
 * two-word query on a 5,000-paper shard: 43 kB instead of 88 kB) for 6% more metadata. Pagefind
 * reads it from its service's environment (`PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`, pinned version).
 */
export const INDEX_CHUNK_SIZE = 5_000;
/** Records in flight to Pagefind's service at once. */
const BATCH = 100;

export function createSearchIndexCache(): SearchIndexCache {
  const entries = new Map<string, IndexFile[]>();
  return { get: (key) => entries.get(key), set: (key, files) => void entries.set(key, files) };
}

/** Index files every shard needs: entry, metadata, word index, fragments and filters. */
export function isIndexFile(file: string): boolean {
  return file === 'pagefind-entry.json' || file.endsWith('.pf_meta') || /^(index|fragment|filter)\//.test(file);
}

/** Pagefind's runtime, written once: its search API, web worker and WebAssembly (no UI bundles). */
export function isRuntimeFile(file: string): boolean {
  return file === 'pagefind.js' || file === 'pagefind-worker.js' || /^wasm\.[a-z-]+\.pagefind$/.test(file);
}

function check(errors: string[], what: string): void {
  if (errors.length > 0) throw new SearchIndexError(`search index: ${what} failed: ${errors.join('; ')}`);
}

function cacheKey(records: SearchRecord[]): string {
  const hash = createHash('sha256').update(`pagefind ${PAGEFIND_VERSION}\0${MAX_FRAGMENT_FILES}\0${INDEX_CHUNK_SIZE}\0`);
  for (const record of records) hash.update(JSON.stringify(record)).update('\0');
  return hash.digest('base64url');
}

/**
 * How Pagefind's allocator (jemalloc) is set up: memory a shard frees is kept for the next shard
 * instead of being handed back to the kernel after ten seconds and faulted in again. At 60,000
 * papers that takes Pagefind's system time from 6 s to 2 s, for about 0.1 GB more resident.
 */
export const PAGEFIND_MALLOC_CONF = 'dirty_decay_ms:-1';

/**
 * Pagefind's service is one child process, started by the first call and stopped by `close()`; it
 * takes its chunk size and allocator settings from the environment it starts with (values set by the
 * user win).
 */
function configurePagefindService(): void {
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_SIZE);
  process.env._RJEM_MALLOC_CONF ??= PAGEFIND_MALLOC_CONF;
}

/**
 * Work for this process while Pagefind's service works on a shard: indexing is the longest part of a
 * cold build, and the service would otherwise wait for this process between shards.
 */
export interface Meanwhile {
  /** Runs once the shard's first records are sent (the service indexes them meanwhile). */
  whileAdding?: () => void;
  /** Runs once the index is asked for (the service builds it meanwhile). */
  whileBuilding?: () => void;
}

/** Runs `work` while `pending` settles; if the work fails, `pending` is still awaited (so it cannot go unhandled). */
async function alongside<T>(pending: Promise<T>, work?: () => void): Promise<T> {
  try {
    work?.();
  } catch (error) {
    await pending.catch(() => {});
    throw error;
  }
  return pending;
}

/** Builds one shard's index in Pagefind's service and returns its files. */
async function indexShard(records: SearchRecord[], language: string, meanwhile: Meanwhile = {}): Promise<IndexFile[]> {
  const created = await pagefind.createIndex({ forceLanguage: language, maxFragments: MAX_FRAGMENT_FILES });
  check(created.errors, 'starting Pagefind');
  const index = created.index as pagefind.PagefindIndex;
  try {
    for (let start = 0; start < records.length; start += BATCH) {
      const adding = Promise.all(records.slice(start, start + BATCH).map((record) => index.addCustomRecord(record)));
      const added = await alongside(adding, start === 0 ? meanwhile.whileAdding : undefined);
      added.forEach((result, i) => check(result.errors, `indexing ${records[start + i]?.url}`));
    }
    if (records.length === 0) meanwhile.whileAdding?.();
    const { errors, files } = await alongside(index.getFiles(), meanwhile.whileBuilding);
    check(errors, 'writing the index');
    return files;
  } finally {
    await index.deleteIndex();
  }
}

/**
 * One shard of the plan. Its papers' sources are listed, and their records made, when asked for,
 * once, so that only one shard's records are held at a time (150,000 papers' records are over a
 * gigabyte).
 */
export interface PlannedShard {
  first: string;
  last: string;
  papers: number;
  sources(): SearchSource[];
}

/** What the indexer needs, computed from the papers: the shards, and the manifest's facts. */
export interface SearchPlan {
  language: string;
  papers: number;
  shardPapers: number;
  settings: SearchSettings;
  shards: PlannedShard[];
}

/** Splits the papers into shards (newest first); each lists its papers' search sources when asked. */
export function planSearchIndex(papers: SearchSource[], settings: SiteSettings): SearchPlan {
  return {
    language: searchLanguage(settings.language),
    papers: papers.length,
    shardPapers: settings.searchShardPapers,
    settings: { language: settings.language, cardAuthors: settings.cardAuthors },
    shards: groupIntoShards(papers, settings.searchShardPapers).map((group) => ({
      first: group.first, last: group.last, papers: group.papers.length,
      sources: () => group.papers.map(searchSource),
    })),
  };
}

export interface WriteSearchShardsOptions {
  /** The built site folder; the index goes to its `pagefind/`. */
  outDir: string;
  cache?: SearchIndexCache;
  /** Runs before each shard after the first, when the last one's records and Pagefind's messages are garbage (the build's indexing process collects it). */
  betweenShards?: () => void;
  log?: (line: string) => void;
  now?: () => number;
}

/** A shard's records, made, and their cache key. */
interface PreparedShard {
  records: SearchRecord[];
  key: string;
}

function prepareShard(planned: PlannedShard, plan: SearchPlan): PreparedShard {
  const records = toSearchRecords(planned.sources(), plan.settings);
  return { records, key: cacheKey(records) };
}

/**
 * Indexes a plan's shards one at a time, newest first (each from the cache when it holds its
 * records), and writes them and the manifest; the newest shard gets Pagefind's runtime. A pipeline of
 * two: while Pagefind builds a shard's index, this process makes the next shard's records (parsing
 * the abstracts it got as Markdown), and while Pagefind takes in the next shard's first records, it
 * writes the last shard's files, so Pagefind does not wait between shards.
 */
export async function writeSearchShards(plan: SearchPlan, options: WriteSearchShardsOptions): Promise<SearchIndexResult> {
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => performance.now());
  const started = now();
  const shards: SearchShard[] = [];
  let files = 1;
  let unwritten: (() => void) | undefined;
  const writeLast = () => {
    unwritten?.();
    unwritten = undefined;
  };
  configurePagefindService();
  try {
    let next = plan.shards[0] && prepareShard(plan.shards[0], plan);
    for (const [i, planned] of plan.shards.entries()) {
      if (i > 0) options.betweenShards?.();
      const { records, key } = next as PreparedShard;
      const prepareNext = () => void (next = plan.shards[i + 1] && prepareShard(plan.shards[i + 1] as PlannedShard, plan));
      const { first, last, papers } = planned;
      const shardStarted = now();
      const cached = options.cache?.get(key);
      let indexFiles: IndexFile[];
      if (cached) {
        indexFiles = cached;
        writeLast();
        prepareNext();
      } else {
        indexFiles = await indexShard(records, plan.language, { whileAdding: writeLast, whileBuilding: prepareNext });
        options.cache?.set(key, indexFiles);
      }
      const shard: SearchShard = { first, last, path: searchShardPath(first, i === 0), papers: records.length };
      const kept = indexFiles.filter((file) => isIndexFile(file.path) || (i === 0 && isRuntimeFile(file.path)));
      // Written like the pages (src/bulk-files.ts), synchronously: 64 writes at a time through libuv's
      // threads cost this process about 15 s of CPU more at 60,000 papers.
      unwritten = () => writeOutputFiles(path.join(options.outDir, shard.path), kept.map((file) => ({ path: file.path, body: file.content })));
      shards.push(shard);
      files += kept.length;
      if (plan.shards.length > 1) log(`search: ${first} – ${last}: ${countOf(papers, 'paper')}${cached ? ', cached' : ''} (${Math.round(now() - shardStarted)} ms)`);
    }
    writeLast();
  } finally {
    await pagefind.close();
  }
  const manifest: SearchManifest = { version: MANIFEST_VERSION, language: plan.language, papers: plan.papers, shardPapers: plan.shardPapers, shards };
  await mkdir(path.join(options.outDir, path.dirname(searchManifestPath())), { recursive: true });
  await writeFile(path.join(options.outDir, searchManifestPath()), `${JSON.stringify(manifest)}\n`);
  log(`search: ${countOf(plan.papers, 'paper')} in ${countOf(shards.length, 'index', 'indexes')}, ${countOf(files, 'file')} (${Math.round(now() - started)} ms)`);
  return { manifest, files };
}

/** Indexes every paper in this process (the dev server and tests; the build uses src/search-process.ts). */
export async function writeSearchIndex(options: SearchIndexOptions): Promise<SearchIndexResult> {
  return writeSearchShards(planSearchIndex(options.papers, options.settings), options);
}

export interface DevSearchIndexer {
  /** Keeps the papers of the latest load. */
  remember(papers: SearchSource[]): void;
  /** Indexes them into the dev server's output; shards unchanged since the last rebuild come from memory. */
  write(outDir: string): Promise<SearchIndexResult>;
}

/** Search in the dev server (`npm run start:search`): the index is rebuilt after each rebuild. */
export function createDevSearchIndexer(settings: SiteSettings, log: (line: string) => void): DevSearchIndexer {
  let latest: SearchSource[] = [];
  const cache = createSearchIndexCache();
  return {
    remember: (papers) => void (latest = papers),
    write: (outDir) => writeSearchIndex({ papers: latest, outDir, settings, cache, log }),
  };
}
