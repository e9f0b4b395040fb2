import { describe, expect, it } from 'vitest';
import { sectionOf, topicSections } from '../src/topic-index.ts';

const topics = (...labels: string[]) => labels.map((label) => ({ label }));

describe('topicSections', () => {
  it('puts topics under their first letter, A to Z, keeping the index’s order within each', () => {
    const sections = topicSections(topics('Agents', 'attention', 'Bandits', 'Zero-shot'));
    expect(sections.map((s) => [s.heading, s.id, s.topics.map((t) => t.label)])).toEqual([
      ['A', 'topics-a', ['Agents', 'attention']], ['B', 'topics-b', ['Bandits']], ['Z', 'topics-z', ['Zero-shot']],
    ]);
  });

  it('folds accents, gathers numbers under 0–9 and other scripts and symbols at the end', () => {
    const sections = topicSections(topics('機械学習', '3D vision', 'Équité', '🤖', 'تعلم الآلة', 'Entropy'));
    expect(sections.map((s) => [s.heading, s.topics.map((t) => t.label)])).toEqual([
      ['E', ['Équité', 'Entropy']], ['0–9', ['3D vision']], ['Other', ['機械学習', '🤖', 'تعلم الآلة']],
    ]);
    expect(sections.map((s) => s.id)).toEqual(['topics-e', 'topics-0-9', 'topics-other']);
  });

  it('reads the first character past leading spaces', () => {
    expect([sectionOf('  deep learning'), sectionOf(''), sectionOf('ßeta'), sectionOf('Ölfeld')]).toEqual(['D', 'Other', 'Other', 'O']);
  });

  it('gives an empty index no sections', () => {
    expect(topicSections([])).toEqual([]);
  });
});
