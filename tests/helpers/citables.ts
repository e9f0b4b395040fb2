/**
 * A factory for citation records (src/citable.ts): a fresh, valid arXiv paper per call with
 * `overrides` applied (`undefined` removes a field), so each format test states only what it varies.
 */
import type { Citable } from '../../src/citable.ts';

export function citable(overrides: Partial<Record<keyof Citable, unknown>> = {}): Citable {
  const cite: Record<string, unknown> = {
    id: '2310.02970',
    title: 'Fast, Expressive SE(n) Equivariant Networks through Weight-Sharing in Position-Orientation Space',
    authors: ['Erik J. Bekkers', 'Sharvaree Vadgama', 'Putri A. van der Linden'],
    date: '2025-03-11',
    published: '2023-10-04',
    arxiv: '2310.02970',
    category: 'cs.LG',
    pdf: 'https://arxiv.org/pdf/2310.02970',
    keywords: ['equivariance', 'geometric deep learning'],
    abstract: 'Based on the theory of homogeneous spaces we derive geometrically optimal edge attributes.\n\nWe formalize weight sharing.',
    upvotes: 12,
    ...overrides,
  };
  for (const [key, value] of Object.entries(cite)) if (value === undefined) delete cite[key];
  return cite as unknown as Citable;
}
