/**
 * The benchmark's report as Markdown: one row per size and kind with the medians, the per-phase
 * breakdown (time, and peak RSS sampled while each phase ran), time per paper, and every target
 * with PASS, FAIL or NOT MEASURED. A value that was not measured prints as `—`, never as 0.
 */
import { KNOWN_PHASES } from './bench-phases.ts';
import type { CaseSummary, RunKind } from './bench-stats.ts';
import type { TargetResult } from './bench-targets.ts';

const KIND_LABELS: Record<RunKind, string> = {
  cold: 'paperfeed, cold',
  warm: 'paperfeed, warm +1 day',
  baseline: 'Eleventy baseline',
};

const NONE = '—';
const count = (n: number | undefined) => (n === undefined ? NONE : n.toLocaleString('en'));
const secs = (ms: number | undefined) => (ms === undefined ? NONE : (ms / 1000).toFixed(1));
const mb = (bytes: number | undefined) => (bytes === undefined ? NONE : Math.round(bytes / 1e6).toLocaleString('en'));
const kb = (bytes: number | undefined) => (bytes === undefined ? NONE : (bytes / 1000).toFixed(1));
const folder = (f: { path: string; files: number } | undefined) => (f ? `${count(f.files)} in /${f.path === '.' ? '' : `${f.path}/`}` : NONE);

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function runsCell(s: CaseSummary): string {
  return s.ok === s.runs ? String(s.runs) : `${s.ok} of ${s.runs} ok`;
}

/** The median, with the worst run when it is more than 5% above (or when no run succeeded). */
function peakCell(s: CaseSummary): string {
  if (s.peakRssMax === undefined || (s.peakRss !== undefined && s.peakRssMax <= s.peakRss * 1.05)) return mb(s.peakRss);
  return `${mb(s.peakRss)} (max ${mb(s.peakRssMax)})`;
}

function queryCell(s: CaseSummary): string {
  if (!s.search) return NONE;
  return `${kb(s.search.searchBytes)} / ${kb(s.search.totalBytes)}${s.search.resultsSeen ? '' : ' (no results!)'}`;
}

export function mainTable(summaries: readonly CaseSummary[]): string {
  const header = ['papers', 'build', 'runs', 'wall s', 'CPU s', 'peak RSS MB', 'files', 'site MB', 'largest folder (files)', 'search index MB', 'index files', 'largest Pagefind folder (files)', 'first query kB (search / with page)'];
  const rows = summaries.map((s) => [
    count(s.size),
    KIND_LABELS[s.kind],
    runsCell(s),
    secs(s.wallMs),
    secs(s.cpuMs),
    peakCell(s),
    count(s.site?.files),
    mb(s.site?.bytes),
    folder(s.site?.largestFolder),
    mb(s.site?.search?.bytes),
    count(s.site?.search?.files),
    folder(s.site?.search?.largestFolder),
    queryCell(s),
  ]);
  return table(header, rows);
}

/** Phase names as columns: the known ones in build order, then any others the builds printed. */
export function phaseColumns(summaries: readonly CaseSummary[]): { name: string; label: string }[] {
  const seen = new Set(summaries.flatMap((s) => Object.keys(s.phases)));
  const known = KNOWN_PHASES.map((p) => p.name);
  return [...KNOWN_PHASES, ...[...seen].filter((name) => !known.includes(name)).map((name) => ({ name, label: name }))];
}

export function phaseTable(summaries: readonly CaseSummary[], value: 'ms' | 'peakRss'): string {
  const columns = phaseColumns(summaries);
  const format = value === 'ms' ? secs : mb;
  const rows = summaries.map((s) => [
    count(s.size),
    KIND_LABELS[s.kind],
    ...columns.map((c) => format(s.phases[c.name]?.[value])),
    value === 'ms' ? secs(s.wallMs) : mb(s.peakRss),
  ]);
  return table(['papers', 'build', ...columns.map((c) => c.label), value === 'ms' ? 'wall (whole run)' : 'whole run'], rows);
}

export function perPaperLines(summaries: readonly CaseSummary[]): string[] {
  return summaries
    .filter((s) => s.wallMs !== undefined)
    .map((s) => `- ${KIND_LABELS[s.kind]}, ${count(s.size)} papers: ${((s.wallMs as number) / s.size).toFixed(2)} ms per paper`);
}

export function targetLines(targets: readonly TargetResult[]): string[] {
  const mark = { pass: 'PASS', fail: 'FAIL', 'not measured': 'NOT MEASURED' } as const;
  return targets.map((t) => `- **${mark[t.status]}** ${t.target}: ${t.measured}`);
}

export function renderReport(summaries: readonly CaseSummary[], targets: readonly TargetResult[], notes: readonly string[] = []): string {
  return [
    '## Benchmark',
    '',
    mainTable(summaries),
    '',
    '### Time per phase (s, median)',
    '',
    phaseTable(summaries, 'ms'),
    '',
    '### Peak RSS per phase (MB, process tree, median)',
    '',
    phaseTable(summaries, 'peakRss'),
    '',
    '### Time per paper',
    '',
    ...perPaperLines(summaries),
    '',
    '### Targets (issue 8)',
    '',
    ...targetLines(targets),
    ...(notes.length > 0 ? ['', ...notes.map((note) => `- ${note}`)] : []),
    '',
  ].join('\n');
}
