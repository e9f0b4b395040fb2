import { describe, expect, it } from 'vitest';
import { coinsContext } from '../src/coins.ts';
import { HOSTILE } from './helpers/corpus.ts';
import { citable } from './helpers/citables.ts';

const SITE = 'https://papers.example.org';

/** The ContextObject's pairs, decoded the standard way (application/x-www-form-urlencoded). */
const pairs = (context: string) => [...new URLSearchParams(context)];

describe('coinsContext', () => {
  it('describes a paper without venue as a preprint in OpenURL\'s journal format', () => {
    expect(pairs(coinsContext(citable(), SITE))).toEqual([
      ['ctx_ver', 'Z39.88-2004'],
      ['rft_val_fmt', 'info:ofi/fmt:kev:mtx:journal'],
      ['rft.genre', 'preprint'],
      ['rft.atitle', 'Fast, Expressive SE(n) Equivariant Networks through Weight-Sharing in Position-Orientation Space'],
      ['rft.au', 'Erik J. Bekkers'],
      ['rft.au', 'Sharvaree Vadgama'],
      ['rft.au', 'Putri A. van der Linden'],
      ['rft.date', '2023-10-04'],
      ['rft_id', 'info:doi/10.48550/arXiv.2310.02970'],
      ['rft_id', 'info:arxiv/2310.02970'],
      ['rft_id', 'https://papers.example.org/papers/2310.02970/'],
    ]);
  });

  it('describes a paper with a venue as a conference paper (book format, genre proceeding)', () => {
    const context = coinsContext(citable({ venue: 'ICLR 2024' }), SITE);
    expect(context.split('&')).toEqual(expect.arrayContaining(['rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook', 'rft.genre=proceeding', 'rft.btitle=ICLR%202024']));
  });

  it('encodes every value so hostile text stays one value', () => {
    const cite = citable({ title: `A & B = C + D ${HOSTILE}`, authors: ['Eve & Mallory=1'], arxiv: undefined, id: 'x' });
    const decoded = pairs(coinsContext(cite, SITE));
    expect(decoded.find(([k]) => k === 'rft.atitle')?.[1]).toBe(cite.title);
    expect(decoded.filter(([k]) => k === 'rft.au').map(([, v]) => v)).toEqual(['Eve & Mallory=1']);
    expect(decoded.filter(([k]) => k === 'rft_id').map(([, v]) => v)).toEqual(['https://papers.example.org/papers/x/']);
  });
});
