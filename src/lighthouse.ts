/**
 * What `npm run lighthouse` holds Lighthouse's results to (mobile, simulated throttling):
 * performance at least 0.95, accessibility, best practices and SEO 1.00 — and how a report is read:
 * its four scores and, for anything short of perfect, the audits that cost points. Pure functions
 * over Lighthouse's JSON result (LHR), so the script only runs the browser.
 */

export type Category = 'performance' | 'accessibility' | 'best-practices' | 'seo';

export const CATEGORIES: readonly Category[] = ['performance', 'accessibility', 'best-practices', 'seo'];

export const MINIMUM_SCORES: Record<Category, number> = { performance: 0.95, accessibility: 1, 'best-practices': 1, seo: 1 };

/** The part of a Lighthouse result these functions read. */
export interface LighthouseResult {
  finalDisplayedUrl: string;
  lighthouseVersion: string;
  configSettings: { formFactor: string };
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string; numericValue?: number }>;
}

export type Scores = Record<Category, number | null>;

export function scoresOf(result: LighthouseResult): Scores {
  return Object.fromEntries(CATEGORIES.map((category) => [category, result.categories[category]?.score ?? null])) as Scores;
}

/** `category score < minimum` for each category below its minimum (a missing score fails). */
export function belowMinimum(scores: Scores, minimums: Record<Category, number> = MINIMUM_SCORES): string[] {
  return CATEGORIES.filter((c) => scores[c] === null || (scores[c] as number) < minimums[c]).map((c) => `${c} ${scores[c] ?? 'missing'} < ${minimums[c]}`);
}

/** The scored audits that lost points, per category, with their measured value: what to fix. */
export function lostPoints(result: LighthouseResult): string[] {
  const lines: string[] = [];
  for (const category of CATEGORIES) {
    for (const ref of result.categories[category]?.auditRefs ?? []) {
      const audit = result.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1 || audit.scoreDisplayMode !== 'numeric' && audit.scoreDisplayMode !== 'binary' && audit.scoreDisplayMode !== 'metricSavings') continue;
      lines.push(`${category}: ${audit.id} ${audit.score.toFixed(2)} ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
    }
  }
  return lines;
}

/** `/ perf=1.00 a11y=1.00 bp=1.00 seo=1.00`. */
export function formatScores(label: string, scores: Scores): string {
  const short: Record<Category, string> = { performance: 'perf', accessibility: 'a11y', 'best-practices': 'bp', seo: 'seo' };
  return `${label} ${CATEGORIES.map((c) => `${short[c]}=${scores[c] === null ? 'null' : (scores[c] as number).toFixed(2)}`).join(' ')}`;
}

/** The page's key timings, for the report: FCP, LCP, TBT, CLS and Speed Index as Lighthouse shows them. */
export function metricsOf(result: LighthouseResult): string {
  const ids = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];
  const names = ['FCP', 'LCP', 'TBT', 'CLS', 'SI'];
  return ids.map((id, i) => `${names[i]} ${result.audits[id]?.displayValue ?? '?'}`).join(', ');
}
