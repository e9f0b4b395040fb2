import { describe, expect, it } from 'vitest';
import { arxivAbsUrl, arxivPdfUrl, parseArxivId } from '../src/arxiv.ts';

describe('parseArxivId', () => {
  it.each([
    ['2310.02970', { id: '2310.02970' }],
    ['2310.02970v3', { id: '2310.02970', version: 3 }],
    ['0704.0001', { id: '0704.0001' }],
    ['1412.9999v2', { id: '1412.9999', version: 2 }],
    ['hep-th/9901001', { id: 'hep-th/9901001' }],
    ['math.CA/0611800v2', { id: 'math.CA/0611800', version: 2 }],
    ['cond-mat/0102536', { id: 'cond-mat/0102536' }],
  ])('reads %s', (text, expected) => {
    expect(parseArxivId(text)).toEqual(expected);
  });

  it.each(['2310.2970', '1412.12345', '2313.02970', '2310.02970v0', 'arXiv:2310.02970', 'hep-th/990100', 'HEP-TH/9901001', '', '2310.02970 '])(
    'rejects %j',
    (text) => {
      expect(parseArxivId(text)).toBeUndefined();
    },
  );

  it('makes abstract and PDF URLs, the PDF pinned to a version when given', () => {
    expect(arxivAbsUrl('hep-th/9901001')).toBe('https://arxiv.org/abs/hep-th/9901001');
    expect(arxivPdfUrl('2310.02970', 3)).toBe('https://arxiv.org/pdf/2310.02970v3');
    expect(arxivPdfUrl('2310.02970')).toBe('https://arxiv.org/pdf/2310.02970');
  });
});
