/**
 * Issue 8's "done means" as checks over the benchmark's summaries. Each target passes, fails, or
 * was not measured (a size or kind not run) — never silently dropped. Times are medians of the
 * runs; memory is the worst run, since a memory limit ends a build on any run. A failed build fails
 * every target it was needed for. 1 MB = 10^6 bytes, 1 GB = 10^9 bytes (the stricter reading).
 */
import type { CaseSummary, RunKind } from './bench-stats.ts';

export const LIMITS = {
  coldWallMs: 90_000,
  coldPeakRss: 3e9,
  warmWallMs: 45_000,
  bigPeakRss: 6e9,
  queryBytes: 300_000,
  searchFolderFiles: 20_000,
  linearity: 1.5,
} as const;

export type TargetStatus = 'pass' | 'fail' | 'not measured';

export interface TargetResult {
  target: string;
  status: TargetStatus;
  /** What was measured, or why nothing was. */
  measured: string;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;

function find(summaries: readonly CaseSummary[], size: number, kind: RunKind): CaseSummary | undefined {
  return summaries.find((s) => s.size === size && s.kind === kind);
}

/** A check over one case: not measured when the case was not run, failed when its builds failed. */
function check(target: string, found: CaseSummary | undefined, howToRun: string, judge: (s: CaseSummary) => Omit<TargetResult, 'target'>): TargetResult {
  if (!found) return { target, status: 'not measured', measured: howToRun };
  if (found.ok === 0) return { target, status: 'fail', measured: `every build failed (${found.runs} of ${found.runs})${found.peakRssMax ? `, at up to ${gb(found.peakRssMax)}` : ''}` };
  return { target, ...judge(found) };
}

const within = (value: number, limit: number): TargetStatus => (value <= limit ? 'pass' : 'fail');

/** Time per paper at 60k over time per paper at 10k (cold builds), or undefined. */
export function linearity(summaries: readonly CaseSummary[], big = 60_000, small = 10_000): { ratio: number; bigMs: number; smallMs: number } | undefined {
  const a = find(summaries, big, 'cold');
  const b = find(summaries, small, 'cold');
  if (a?.wallMs === undefined || b?.wallMs === undefined) return undefined;
  const bigMs = a.wallMs / big;
  const smallMs = b.wallMs / small;
  return { ratio: bigMs / smallMs, bigMs, smallMs };
}

function searchFolders(summaries: readonly CaseSummary[]): TargetResult {
  const target = `no Pagefind folder holds more than ${LIMITS.searchFolderFiles.toLocaleString('en')} files`;
  const cold = summaries.filter((s) => s.kind === 'cold' && s.site);
  if (cold.length === 0) return { target, status: 'not measured', measured: 'no cold build succeeded' };
  const without = cold.filter((s) => !s.site?.search);
  if (without.length > 0) return { target, status: 'fail', measured: `no search index (no /pagefind*/ folder) at ${without.map((s) => s.size).join(', ')} papers` };
  const worst = cold.reduce((a, b) => ((b.site?.search?.largestFolder.files ?? 0) > (a.site?.search?.largestFolder.files ?? 0) ? b : a));
  const folder = worst.site?.search?.largestFolder ?? { path: '.', files: 0 };
  return { target, status: within(folder.files, LIMITS.searchFolderFiles), measured: `largest: ${folder.files.toLocaleString('en')} files in /${folder.path === '.' ? '' : `${folder.path}/`} at ${worst.size.toLocaleString('en')} papers` };
}

export function evaluateTargets(summaries: readonly CaseSummary[]): TargetResult[] {
  const cold60 = find(summaries, 60_000, 'cold');
  const run60 = 'run a 60,000-paper size (the default sizes include it)';
  const ratio = linearity(summaries);
  return [
    check('60k cold build ≤ 90 s wall', cold60, run60, (s) => ({ status: within(s.wallMs ?? Infinity, LIMITS.coldWallMs), measured: `${seconds(s.wallMs ?? 0)} (median)` })),
    check('60k cold build ≤ 3 GB peak RSS (process tree)', cold60, run60, (s) => ({ status: within(s.peakRssMax ?? Infinity, LIMITS.coldPeakRss), measured: `${gb(s.peakRssMax ?? 0)} (worst run)` })),
    check('60k warm rebuild after one new day ≤ 45 s', find(summaries, 60_000, 'warm'), run60, (s) => ({ status: within(s.wallMs ?? Infinity, LIMITS.warmWallMs), measured: `${seconds(s.wallMs ?? 0)} (median)` })),
    check('150k builds, within 6 GB peak RSS', find(summaries, 150_000, 'cold'), 'run `npm run bench -- --sizes 150000 --kinds cold --runs 1`', (s) => ({
      status: s.ok === s.runs ? within(s.peakRssMax ?? Infinity, LIMITS.bigPeakRss) : 'fail',
      measured: `${s.ok} of ${s.runs} builds succeeded, ${gb(s.peakRssMax ?? 0)} (worst run)`,
    })),
    check('first two-word query at 60k ≤ 300 kB (gzip)', cold60, run60, (s) => {
      if (!s.search) return { status: s.site?.search ? 'not measured' : 'fail', measured: s.site?.search ? 'search not measured (--no-search?)' : 'the site has no search page or index' };
      const kb = `${(s.search.searchBytes / 1000).toFixed(1)} kB for search, ${(s.search.totalBytes / 1000).toFixed(1)} kB with the page (“${s.search.query}”)`;
      return s.search.resultsSeen ? { status: within(s.search.searchBytes, LIMITS.queryBytes), measured: kb } : { status: 'fail', measured: `no result appeared; ${kb}` };
    }),
    searchFolders(summaries),
    ratio
      ? { target: 'time per paper at 60k ≤ 1.5 × time per paper at 10k (cold)', status: within(ratio.ratio, LIMITS.linearity), measured: `${ratio.ratio.toFixed(2)}× (${ratio.bigMs.toFixed(2)} vs ${ratio.smallMs.toFixed(2)} ms per paper)` }
      : { target: 'time per paper at 60k ≤ 1.5 × time per paper at 10k (cold)', status: 'not measured', measured: 'needs cold builds of 10,000 and 60,000 papers' },
  ];
}
