import { describe, expect, it } from 'vitest';
import { nameTopics, slugifyTopic, uniqueLabels } from '../src/topics.ts';

describe('slugifyTopic', () => {
  it('makes one slug of spellings that differ in case, spaces and hyphens', () => {
    expect(new Set(['Federated Learning', 'federated learning', 'Federated-Learning', ' federated  learning '].map(slugifyTopic))).toEqual(
      new Set(['federated-learning']),
    );
  });

  it('folds Latin accents and keeps other scripts as written', () => {
    expect(slugifyTopic('Équité Algorithmique')).toBe('equite-algorithmique');
    expect(slugifyTopic('機械学習')).toBe('機械学習');
    expect(slugifyTopic('Обучение с подкреплением')).toBe('обучение-с-подкреплением');
    expect(slugifyTopic('تعلم الآلة')).toBe('تعلم-الآلة');
    expect(slugifyTopic('हिन्दी भाषा')).toBe('हिन्दी-भाषा');
  });

  it('gives a label without letters or digits a stable, non-empty slug', () => {
    const slug = slugifyTopic('🤖🧠');
    expect(slug).toMatch(/^topic-[0-9a-f]{8}$/);
    expect(slugifyTopic('🤖🧠')).toBe(slug);
    expect(slugifyTopic('!!!')).not.toBe(slug);
  });

  it('spells out & and + so C and C++ stay apart', () => {
    expect(slugifyTopic('C++')).toBe('c-plus-plus');
    expect(slugifyTopic('Vision & Language')).toBe('vision-and-language');
  });

  it('caps very long labels', () => {
    expect(Array.from(slugifyTopic('word '.repeat(100))).length).toBeLessThanOrEqual(80);
  });
});

describe('nameTopics', () => {
  it('names a topic by its most common spelling, ties broken by code point', () => {
    const topics = nameTopics(['federated learning', 'Federated Learning', 'federated learning', 'NLP', 'nlp']);
    expect(topics.get('federated-learning')?.label).toBe('federated learning');
    expect(topics.get('nlp')?.label).toBe('NLP');
  });

  it('keeps one label per slug within a paper', () => {
    expect(uniqueLabels(['NLP', 'nlp', 'Vision'])).toEqual(['NLP', 'Vision']);
  });
});
