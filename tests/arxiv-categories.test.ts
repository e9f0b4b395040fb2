import { describe, expect, it } from 'vitest';
import { categoryLabel, knownCategories } from '../src/arxiv-categories.ts';
import { slugifyTopic } from '../src/topics.ts';

describe('arXiv category labels', () => {
  it.each([
    ['cs.LG', 'Machine Learning'],
    ['cs.CV', 'Computer Vision and Pattern Recognition'],
    ['stat.ML', 'Machine Learning'],
    ['math.CA', 'Classical Analysis and ODEs'],
    ['astro-ph.GA', 'Astrophysics of Galaxies'],
    ['cond-mat.mes-hall', 'Mesoscale and Nanoscale Physics'],
    ['hep-th', 'High Energy Physics - Theory'],
    ['gr-qc', 'General Relativity and Quantum Cosmology'],
    ['nucl-ex', 'Nuclear Experiment'],
    ['quant-ph', 'Quantum Physics'],
    ['nlin.CD', 'Chaotic Dynamics'],
    ['physics.optics', 'Optics'],
    ['q-bio.NC', 'Neurons and Cognition'],
    ['q-fin.ST', 'Statistical Finance'],
    ['eess.IV', 'Image and Video Processing'],
    ['econ.EM', 'Econometrics'],
    ['astro-ph', 'Astrophysics'],
    ['alg-geom', 'Algebraic Geometry'],
  ])('names %s "%s"', (category, label) => {
    expect(categoryLabel(category)).toBe(label);
  });

  it('qualifies statistics labels that would mean nothing on their own', () => {
    expect(['stat.AP', 'stat.CO', 'stat.ME'].map(categoryLabel)).toEqual(['Statistics Applications', 'Computational Statistics', 'Statistical Methodology']);
  });

  it.each(['I.2.7', '68T05', 'cs.XX', 'CS.LG', 'cs.lg', 'toString', 'cs.constructor', '__proto__', ''])('knows no category %j', (category) => {
    expect(categoryLabel(category)).toBeUndefined();
  });

  it('covers every archive of the taxonomy, with many subjects each', () => {
    const archives = new Set(knownCategories().map((c) => c.split('.')[0]));
    for (const archive of ['cs', 'stat', 'math', 'physics', 'q-bio', 'q-fin', 'eess', 'econ', 'astro-ph', 'cond-mat', 'hep-ex', 'hep-lat', 'hep-ph', 'hep-th', 'gr-qc', 'nucl-ex', 'nucl-th', 'quant-ph', 'nlin', 'math-ph']) {
      expect(archives, archive).toContain(archive);
    }
    expect(knownCategories().filter((c) => c.startsWith('cs.'))).toHaveLength(40);
    expect(knownCategories().filter((c) => c.startsWith('math.'))).toHaveLength(32);
  });

  it('gives every category a non-empty label that makes a real topic slug', () => {
    for (const category of knownCategories()) {
      const label = categoryLabel(category) as string;
      expect(label.trim(), category).toBe(label);
      expect(slugifyTopic(label), category).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    }
  });
});
