/**
 * Reads a build's progress output as phases. The production build prints one line per phase,
 * `name: what happened (N ms)`, and `done: <dir> in N ms` at the end; Eleventy on its own prints
 * `[11ty] Wrote N files in S seconds`. The benchmark knows nothing else about the build: a phase
 * that prints no line is reported missing, a new one shows up under its own name. A phase that
 * prints several lines (one per search shard, then a summary) counts the time of its last line.
 */
import type { OutputLine } from './bench-measure.ts';
import { windowOf, type Sample } from './bench-sampler.ts';

/** The phases the issue asks about, in build order, with their column labels. */
export const KNOWN_PHASES: readonly { name: string; label: string }[] = [
  { name: 'load', label: 'load + validate' },
  { name: 'render', label: 'render abstracts' },
  { name: 'pages', label: 'pages' },
  { name: 'digests', label: 'digests' },
  { name: 'feeds', label: 'feeds' },
  { name: 'write', label: 'Eleventy write' },
  { name: 'search', label: 'search index' },
  { name: 'done', label: 'total in build' },
];

export interface Phase {
  name: string;
  /** The time the build reports for it. */
  ms: number;
  /** Its last line, as printed. */
  line: string;
  /** When its window opened and closed (arrival of the phase line before it, and of its own last line), ms after spawn. */
  from: number;
  to: number;
  /** Sampled over that window: the tree's highest RSS and the CPU it used. */
  peakRss?: number;
  cpuMs?: number;
}

const PHASE_LINE = /^([a-z][a-z -]{0,30}): .*\((\d+(?:\.\d+)?) ?(ms|s)\)\s*$/;
const DONE_LINE = /^done: .* in (\d+(?:\.\d+)?) ?(ms|s)\s*$/;
const ELEVENTY_LINE = /Wrote (\d+) files? in ([\d.]+) seconds/;

/** A phase line's name and milliseconds, or undefined for any other line. */
export function parsePhaseLine(text: string): { name: string; ms: number } | undefined {
  const done = DONE_LINE.exec(text);
  if (done) return { name: 'done', ms: Number(done[1]) * (done[2] === 's' ? 1000 : 1) };
  const eleventy = ELEVENTY_LINE.exec(text);
  if (eleventy) return { name: 'write', ms: Math.round(Number(eleventy[2]) * 1000) };
  const phase = PHASE_LINE.exec(text);
  return phase ? { name: phase[1] as string, ms: Number(phase[2]) * (phase[3] === 's' ? 1000 : 1) } : undefined;
}

/** Files written as the output says: Eleventy's count (the search index's files are counted on disk). */
export function filesReported(lines: readonly OutputLine[]): number | undefined {
  for (const { text } of [...lines].reverse()) {
    const match = /^write: (\d+) files/.exec(text) ?? ELEVENTY_LINE.exec(text);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/** Every phase in the order it first appeared, with its time window and, given samples, its peak RSS and CPU. */
export function readPhases(lines: readonly OutputLine[], samples: readonly Sample[] = []): Phase[] {
  const phases = new Map<string, Phase>();
  let previous = 0;
  for (const line of lines) {
    const parsed = parsePhaseLine(line.text);
    if (!parsed) continue;
    const known = phases.get(parsed.name);
    const from = known?.from ?? previous;
    phases.set(parsed.name, { ...parsed, line: line.text, from, to: line.t });
    previous = line.t;
  }
  return [...phases.values()].map((phase) => {
    if (samples.length === 0 || phase.name === 'done') return phase;
    return { ...phase, ...windowOf(samples, phase.from, phase.to) };
  });
}
