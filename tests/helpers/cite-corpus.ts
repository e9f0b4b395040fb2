/**
 * Papers that exercise what citations must get right, on top of the hostile and calendar corpora:
 * a venue with code and project links, a given PDF with a query string, a lone author written
 * `Last, First` with spaces on both sides, an author with a semicolon, an old-style id with a
 * category, no authors at all, and two papers of one day whose citation keys collide.
 */
import { paperFields, paperSource } from './papers.ts';

export function citeCorpus(): Record<string, string> {
  const files: Record<string, string> = {};
  const add = (name: string, overrides: Record<string, unknown>, body?: string) => {
    files[`cite/${name}.md`] = paperSource(paperFields({ date: '2025-02-03', ...overrides }), body);
  };
  add('venue', {
    arxiv: '2310.02970v2', category: 'cs.LG', published: '2023-10-04', venue: 'ICLR 2024', title: 'Fast, Expressive SE(n) Equivariant Networks',
    authors: ['Erik J. Bekkers', 'Putri A. van der Linden', 'Zoë Ångström'], code: 'https://github.com/ebekkers/ponita', project: 'https://example.org/ponita',
  });
  add('given-pdf', { arxiv: undefined, pdf: 'https://example.org/paper.pdf?x=1&y=<2>', title: '50% of $\\alpha$ & {braces}', authors: ['Ada Lovelace'] });
  add('lone-comma-author', { arxiv: undefined, authors: ['van der Linden, Putri A.'], title: 'A lone author written last name first' });
  add('semicolon-author', { arxiv: undefined, authors: ['Alan Turing; and friends', 'Grace Hopper'], title: 'Semicolons in names' });
  add('no-authors', { arxiv: undefined, authors: [], title: 'Anonymous' });
  add('old-category', { arxiv: 'math.CA/0611800v2', category: 'math.CA', title: 'Old ids with a subject class', authors: ['Emmy Noether'] });
  add('twin-a', { arxiv: '2502.00011', title: 'Twin keys', authors: ['Ada Lovelace'], published: '2025-02-01', upvotes: 1 });
  add('twin-b', { arxiv: '2502.00012', title: 'Twin keys again', authors: ['Ada Lovelace'], published: '2025-02-01', upvotes: 2 });
  return files;
}
