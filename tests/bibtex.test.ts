import { describe, expect, it } from 'vitest';
import { bibliography, bibtexEntry, texAuthor } from '../src/bibtex.ts';
import { HOSTILE } from './helpers/corpus.ts';
import { citable } from './helpers/citables.ts';
import { creatorName, parseBibtex } from './helpers/bibtex.ts';

const SITE = 'https://papers.example.org';

describe('bibtexEntry', () => {
  it('writes an arXiv paper in arXiv\'s own style', () => {
    expect(bibtexEntry(citable(), SITE)).toBe(`@misc{bekkers2023fast,
  title = {Fast, Expressive {SE(n)} Equivariant Networks through Weight-Sharing in Position-Orientation Space},
  author = {Erik J. Bekkers and Sharvaree Vadgama and Putri A. van der Linden},
  year = {2023},
  eprint = {2310.02970},
  archivePrefix = {arXiv},
  primaryClass = {cs.LG},
  doi = {10.48550/arXiv.2310.02970},
  url = {https://arxiv.org/abs/2310.02970}
}
`);
  });

  it('is read back field by field by a real BibTeX parser', () => {
    const cite = citable();
    const library = parseBibtex(bibtexEntry(cite, SITE));
    expect(library.errors).toEqual([]);
    const [entry] = library.entries;
    expect(entry?.type).toBe('misc');
    expect(entry?.key).toBe('bekkers2023fast');
    expect(entry?.fields.title).toBe(cite.title);
    expect(entry?.fields.author?.map((c) => creatorName(c))).toEqual(cite.authors);
    expect(entry?.fields).toMatchObject({
      year: '2023', eprint: '2310.02970', archiveprefix: 'arXiv', primaryclass: 'cs.LG',
      doi: '10.48550/arXiv.2310.02970', url: 'https://arxiv.org/abs/2310.02970',
    });
  });

  it('becomes @inproceedings with a booktitle when a venue is known', () => {
    const [entry] = parseBibtex(bibtexEntry(citable({ venue: 'ICLR 2024 & Friends' }), SITE)).entries;
    expect(entry?.type).toBe('inproceedings');
    expect(entry?.fields.booktitle).toBe('ICLR 2024 & Friends');
    expect(entry?.fields.eprint).toBe('2310.02970');
  });

  it('leaves primaryClass out when no category is given', () => {
    expect(bibtexEntry(citable({ category: undefined }), SITE)).not.toContain('primaryClass');
  });

  it('keeps an old-style id with its slash in eprint and doi', () => {
    const [entry] = parseBibtex(bibtexEntry(citable({ id: 'hep-th/9901001', arxiv: 'hep-th/9901001', category: 'hep-th' }), SITE)).entries;
    expect(entry?.fields).toMatchObject({ eprint: 'hep-th/9901001', doi: '10.48550/arXiv.hep-th/9901001', url: 'https://arxiv.org/abs/hep-th/9901001', primaryclass: 'hep-th' });
  });

  it('cites a paper without arXiv id by its PDF, project page or page here, with no eprint or doi', () => {
    const base = { id: 'my-paper', arxiv: undefined, category: undefined, pdf: undefined };
    const url = (overrides: Record<string, unknown>) => parseBibtex(bibtexEntry(citable({ ...base, ...overrides }), SITE)).entries[0]?.fields.url;
    expect(url({ pdf: 'https://example.org/p.pdf', project: 'https://example.org/' })).toBe('https://example.org/p.pdf');
    expect(url({ project: 'https://example.org/p' })).toBe('https://example.org/p');
    expect(url({})).toBe('https://papers.example.org/papers/my-paper/');
    const text = bibtexEntry(citable(base), SITE);
    expect(text).not.toMatch(/eprint|archivePrefix|doi/);
  });

  it('leaves out the author field when there are no authors', () => {
    const [entry] = parseBibtex(bibtexEntry(citable({ authors: [] }), SITE)).entries;
    expect(entry?.key).toBe('anon2023fast');
    expect(entry?.fields.author).toBeUndefined();
  });

  it('reads back hostile titles and names exactly as written', () => {
    const cite = citable({
      title: `Title ${HOSTILE} \\ ^ ~ _ # & % $ 50$ a}b{ "q"`,
      authors: [`Eve ${HOSTILE}`, 'Mallory "quotes" & <b>ampersands</b>', 'Zoë Ångström', '100% _under_ #1 ~me^'],
    });
    const library = parseBibtex(bibtexEntry(cite, SITE));
    expect(library.errors).toEqual([]);
    expect(library.entries[0]?.fields.title).toBe(cite.title);
    expect(library.entries[0]?.fields.author?.map((c) => creatorName(c))).toEqual(cite.authors);
  });

  it('keeps a title\'s formulas as TeX and protects them from case changes', () => {
    const cite = citable({ title: 'Heavy $\\mathcal{O}(n^2)$ TeX, broken $\\frac{1}{$ and $5' });
    const library = parseBibtex(bibtexEntry(cite, SITE), { raw: true });
    expect(library.errors).toEqual([]);
    expect(library.entries[0]?.fields.title).toBe('Heavy {$\\mathcal{O}(n^2)$} {TeX,} broken \\$\\textbackslash{}frac\\textbraceleft{}1\\textbraceright{}\\textbraceleft{}\\$ and \\$5');
  });

  it('encodes braces and spaces in URLs so the field stays balanced', () => {
    const [entry] = parseBibtex(bibtexEntry(citable({ arxiv: undefined, id: 'x', pdf: 'https://example.org/a b/{x}.pdf?q=}' }), SITE)).entries;
    expect(entry?.fields.url).toBe('https://example.org/a%20b/%7Bx%7D.pdf?q=%7D');
  });
});

describe('texAuthor', () => {
  it('braces names BibTeX would split or reorder, and reads them back as one person', () => {
    const names = ['Rock and Roll Band', '山田 太郎', 'A, B, C', 'van der Linden, Putri A.', 'Plato'];
    expect(names.map(texAuthor)).toEqual(['{Rock and Roll Band}', '{山田 太郎}', '{A, B, C}', 'van der Linden, Putri A.', 'Plato']);
    const [entry] = parseBibtex(bibtexEntry(citable({ authors: names }), SITE)).entries;
    expect(entry?.fields.author?.map((c, i) => creatorName(c, i === 3))).toEqual(names);
  });
});

describe('bibliography', () => {
  it('writes every paper of a day with keys unique within the file', () => {
    const cites = [citable({ id: '2501.00002' }), citable({ id: '2501.00001' }), citable({ id: '2501.00003', authors: ['Ada Lovelace'], venue: 'NeurIPS' })];
    const library = parseBibtex(bibliography(cites, SITE));
    expect(library.errors).toEqual([]);
    expect(library.entries.map((e) => [e.key, e.type])).toEqual([
      ['bekkers2023fasta', 'misc'], ['bekkers2023fast', 'misc'], ['lovelace2023fast', 'inproceedings'],
    ]);
  });

  it('is empty for no papers', () => {
    expect(bibliography([], SITE)).toBe('');
  });
});
