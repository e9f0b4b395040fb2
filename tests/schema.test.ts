import { describe, expect, it } from 'vitest';
import { FIELD_NAMES, isHttpUrl, suggestField, validateFields } from '../src/schema.ts';

describe('schema', () => {
  it('has exactly the fields of the content contract', () => {
    expect(FIELD_NAMES).toEqual(['title', 'date', 'arxiv', 'category', 'authors', 'topics', 'upvotes', 'published', 'venue', 'code', 'project', 'pdf', 'submitter', 'draft']);
  });

  it.each([
    ['autors', 'authors'], ['Title', 'title'], ['topic', 'topics'], ['upvote', 'upvotes'], ['arXiv', 'arxiv'], ['github', undefined], ['abstract', undefined],
  ])('suggests a near name for %s', (name, near) => {
    const hint = suggestField(name);
    if (near) expect(hint).toBe(`unknown field; did you mean "${near}"?`);
    else expect(hint).not.toContain('did you mean');
  });

  it('explains that the abstract is the body', () => {
    expect(suggestField('abstract')).toContain('the text after the closing');
  });

  it('normalises URLs so they are valid in HTML and XML', () => {
    const { fields } = validateFields({ title: 'T', date: '2025-01-01', code: ' https://example.org/a b?q=<x> ' });
    expect(fields?.code).toBe('https://example.org/a%20b?q=%3Cx%3E');
  });

  it.each(['cs.LG', 'hep-th', 'math.CA', 'astro-ph.GA', 'cond-mat.mes-hall', 'q-fin.ST'])('accepts the arXiv category %s', (category) => {
    expect(validateFields({ title: 'T', date: '2025-01-01', category }).problems).toEqual([]);
  });

  it.each(['CS.LG', 'cs LG', 'cs.', '.LG', 'cs.LG,cs.AI'])('rejects the category %j', (category) => {
    expect(validateFields({ title: 'T', date: '2025-01-01', category }).problems).toEqual([
      { field: 'category', message: expect.stringContaining('is not an arXiv category') },
    ]);
  });

  it('accepts only absolute http(s) URLs', () => {
    expect(isHttpUrl('https://github.com/x')).toBe(true);
    expect(isHttpUrl('http://x.org')).toBe(true);
    expect(isHttpUrl('https://')).toBe(false);
    expect(isHttpUrl('//github.com/x')).toBe(false);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('https:javascript:alert(1)')).toBe(false);
  });
});
