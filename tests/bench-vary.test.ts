import { describe, expect, it } from 'vitest';
import { createRandom } from '../src/bench-random.ts';
import { splitSentences, TITLE_VARIANTS, varyAbstract, varyAuthors, varyTitle } from '../src/bench-vary.ts';

const mathSpans = (text: string) => [...text.matchAll(/\$[^$]+\$|\\\([\s\S]*?\\\)|\\\[[\s\S]*?\\\]/g)].map((m) => m[0]).sort();
const words = (text: string) => text.split(/\s+/).filter(Boolean).sort();

describe('title variants', () => {
  it('keeps the title as it is for the first copy', () => {
    expect(varyTitle('Attention Is All You Need', 0)).toBe('Attention Is All You Need');
  });

  it('gives every copy of a record a different title that still contains the original', () => {
    const titles = Array.from({ length: TITLE_VARIANTS * 3 }, (_, copy) => varyTitle('Sparse $k$-Means', copy));
    expect(new Set(titles).size).toBe(titles.length);
    for (const title of titles) expect(title).toContain('Sparse $k$-Means');
    expect(titles[TITLE_VARIANTS]).toContain('(Part 2)');
  });
});

describe('sentence splitting', () => {
  it('splits at sentence ends followed by a capital or a digit', () => {
    expect(splitSentences('We study graphs. It works! Does it scale? 3 experiments say yes.')).toEqual(['We study graphs.', 'It works!', 'Does it scale?', '3 experiments say yes.']);
  });

  it('never splits inside math', () => {
    const text = 'Let $a. B$ hold. Then \\(x. Y\\) and \\[z. W\\] follow. Done $$p. Q$$ here.';
    expect(splitSentences(text)).toEqual(['Let $a. B$ hold.', 'Then \\(x. Y\\) and \\[z. W\\] follow.', 'Done $$p. Q$$ here.']);
  });

  it('treats an escaped dollar as text, not math', () => {
    expect(splitSentences('It costs \\$5. Then it is free.')).toEqual(['It costs \\$5.', 'Then it is free.']);
  });

  it('does not split after common abbreviations and initials', () => {
    expect(splitSentences('Models, e.g. Transformers, by J. Smith et al. Work well.')).toEqual(['Models, e.g. Transformers, by J. Smith et al. Work well.']);
  });

  it('keeps a paragraph whose math never closes in one piece', () => {
    expect(splitSentences('Price $5. More text. And more.')).toEqual(['Price $5. More text. And more.']);
  });
});

describe('abstract variants', () => {
  const abstract = 'First we define $f(x) = x. Y$ here. Second sentence. Third one with \\(a+b\\). Fourth. Last sentence.\nA second paragraph. With two more. And an end.';

  it('keeps the first copy as written, paragraphs as Markdown paragraphs', () => {
    expect(varyAbstract(abstract, 0, createRandom(1))).toBe(abstract.replace('\n', '\n\n'));
  });

  it('reorders only middle sentences and keeps every word and formula', () => {
    const varied = Array.from({ length: 20 }, (_, i) => varyAbstract(abstract, 1, createRandom(i)));
    expect(new Set(varied).size).toBeGreaterThan(1);
    for (const text of varied) {
      const [first, second] = text.split('\n\n') as [string, string];
      expect(first.startsWith('First we define $f(x) = x. Y$ here.')).toBe(true);
      expect(first.endsWith('Last sentence.')).toBe(true);
      expect(second.startsWith('A second paragraph.')).toBe(true);
      expect(mathSpans(text)).toEqual(mathSpans(abstract));
      expect(words(text)).toEqual(words(abstract));
    }
  });
});

describe('author variants', () => {
  it('keeps the first author first and the same people', () => {
    const authors = ['Ada', 'Bob', 'Cy', 'Di', 'Ed'];
    const varied = varyAuthors(authors, 2, createRandom(4));
    expect(varied[0]).toBe('Ada');
    expect([...varied].sort()).toEqual([...authors].sort());
    expect(varyAuthors(authors, 0, createRandom(4))).toEqual(authors);
  });
});
