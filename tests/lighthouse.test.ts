import { describe, expect, it } from 'vitest';
import { belowMinimum, formatScores, lostPoints, metricsOf, MINIMUM_SCORES, scoresOf, type LighthouseResult } from '../src/lighthouse.ts';

/** A Lighthouse result with the given category scores and audits (the shape of Lighthouse 12's LHR). */
function result(scores: Record<string, number | null>, audits: LighthouseResult['audits'] = {}, refs: Record<string, { id: string; weight: number }[]> = {}): LighthouseResult {
  return {
    finalDisplayedUrl: 'http://127.0.0.1:1234/', lighthouseVersion: '12.2.3', configSettings: { formFactor: 'mobile' },
    categories: Object.fromEntries(Object.entries(scores).map(([id, score]) => [id, { score, auditRefs: refs[id] ?? [] }])),
    audits,
  };
}

const perfect = { performance: 1, accessibility: 1, 'best-practices': 1, seo: 1 };

describe('lighthouse scores', () => {
  it('asks for performance 0.95 and a perfect accessibility, best practices and SEO', () => {
    expect(MINIMUM_SCORES).toEqual({ performance: 0.95, accessibility: 1, 'best-practices': 1, seo: 1 });
  });

  it('passes perfect scores and a performance of exactly 0.95', () => {
    expect(belowMinimum(scoresOf(result(perfect)))).toEqual([]);
    expect(belowMinimum(scoresOf(result({ ...perfect, performance: 0.95 })))).toEqual([]);
  });

  it('names every category under its minimum, and a category Lighthouse could not score', () => {
    expect(belowMinimum(scoresOf(result({ ...perfect, performance: 0.94, seo: 0.92 })))).toEqual(['performance 0.94 < 0.95', 'seo 0.92 < 1']);
    expect(belowMinimum(scoresOf(result({ performance: null, accessibility: 1, 'best-practices': 1 })))).toEqual(['performance missing < 0.95', 'seo missing < 1']);
  });

  it('lists the scored audits that lost points, with their values, and skips unscored ones', () => {
    const audits: LighthouseResult['audits'] = {
      'color-contrast': { id: 'color-contrast', title: 'Contrast', score: 0, scoreDisplayMode: 'binary' },
      'largest-contentful-paint': { id: 'largest-contentful-paint', title: 'Largest Contentful Paint', score: 0.9, scoreDisplayMode: 'numeric', displayValue: '2.6 s' },
      'uses-text-compression': { id: 'uses-text-compression', title: 'Enable text compression', score: 0.5, scoreDisplayMode: 'metricSavings' },
      'valid-lang': { id: 'valid-lang', title: 'lang', score: 1, scoreDisplayMode: 'binary' },
      'manual-check': { id: 'manual-check', title: 'Manual', score: null, scoreDisplayMode: 'manual' },
    };
    const refs = {
      accessibility: [{ id: 'color-contrast', weight: 7 }, { id: 'valid-lang', weight: 7 }, { id: 'manual-check', weight: 0 }],
      performance: [{ id: 'largest-contentful-paint', weight: 25 }, { id: 'uses-text-compression', weight: 0 }],
    };
    expect(lostPoints(result(perfect, audits, refs))).toEqual([
      'performance: largest-contentful-paint 0.90 Largest Contentful Paint (2.6 s)',
      'accessibility: color-contrast 0.00 Contrast',
    ]);
  });

  it('prints scores and timings on one line each', () => {
    expect(formatScores('lighthouse: /', scoresOf(result({ ...perfect, performance: 0.97 })))).toBe('lighthouse: / perf=0.97 a11y=1.00 bp=1.00 seo=1.00');
    const timed = result(perfect, { 'first-contentful-paint': { id: 'first-contentful-paint', title: 'FCP', score: 1, scoreDisplayMode: 'numeric', displayValue: '0.9 s' } });
    expect(metricsOf(timed)).toBe('FCP 0.9 s, LCP ?, TBT ?, CLS ?, SI ?');
  });
});
