import { describe, expect, it } from 'vitest';
import { parsePaper } from '../src/content.ts';
import { MergeError, mergePaperText, type Incoming } from '../src/paper-merge.ts';

const incoming = (fields: Incoming['fields'] = {}, abstract = 'Imported abstract.'): Incoming => ({
  fields: { title: 'Imported title', date: '2025-01-01', arxiv: '2310.02970', upvotes: 47, code: 'https://github.com/imported/code', ...fields },
  abstract,
});

const maintained = `---
# kept for the ICLR special
title:   'Fast, Expressive SE(n) Networks'   # shortened by hand
date: 2025-03-11
arxiv: 2310.02970
authors: [Erik J. Bekkers, "Sharvaree Vadgama"]
topics:
- equivariance

upvotes:   12
venue: ICLR 2024
code: https://github.com/ebekkers/ponita
---

Our own summary of the abstract.
`;

describe('mergePaperText', () => {
  it('raises upvotes and changes no other byte of a maintained file', () => {
    const { text, changes } = mergePaperText(maintained, incoming());
    expect(text).toBe(maintained.replace('upvotes:   12', 'upvotes:   47'));
    expect(changes).toEqual(['upvotes 12 → 47']);
  });

  it('never lowers upvotes, so re-importing an older response changes nothing', () => {
    expect(mergePaperText(maintained, incoming({ upvotes: 5 })).text).toBe(maintained);
    expect(mergePaperText(maintained, incoming({ upvotes: 12 }))).toEqual({ text: maintained, changes: [] });
  });

  it('fills fields that are absent or empty, in the contract\'s order, and leaves written ones alone', () => {
    const file = '---\ntitle: Mine\ndate: 2025-03-11\narxiv: "2310.02970"\nauthors: []\nvenue:\ncode: ""\nsubmitter: ~\n---\n\nMine.\n';
    const fields = { category: 'cs.LG', authors: ['Ada', 'Alan'], published: '2023-10-04', venue: 'ICLR 2024', pdf: 'https://arxiv.org/pdf/2310.02970v3', submitter: 'akhaliq' };
    const { text, changes } = mergePaperText(file, incoming(fields));
    expect(text).toBe(
      '---\ntitle: Mine\ndate: 2025-03-11\narxiv: "2310.02970"\ncategory: cs.LG\nauthors:\n  - "Ada"\n  - "Alan"\nupvotes: 47\npublished: 2023-10-04\nvenue: "ICLR 2024"\n' +
        'code: https://github.com/imported/code\npdf: https://arxiv.org/pdf/2310.02970v3\nsubmitter: "akhaliq"\n---\n\nMine.\n',
    );
    expect(changes).toEqual(['filled category, authors, upvotes, published, venue, code, pdf, submitter']);
  });

  it('fills a scaffold from `npm run new`: empty title, commented empty fields and the empty abstract', () => {
    const scaffold = '---\ntitle:            # required\ndate: 2025-03-14\narxiv: "2310.02970"\nauthors:          # one per line\nupvotes:          # score\ndraft: false      # true: dev only\n---\n\n';
    const { text, changes } = mergePaperText(scaffold, incoming({ authors: ['Ada'] }));
    expect(text).toBe(
      '---\ntitle: "Imported title" # required\ndate: 2025-03-14\narxiv: "2310.02970"\nauthors:          # one per line\n  - "Ada"\nupvotes: 47       # score\n' +
        'code: https://github.com/imported/code\ndraft: false      # true: dev only\n---\n\nImported abstract.\n',
    );
    expect(changes).toEqual(['filled title, authors, upvotes, code, abstract']);
    expect(parsePaper('x.md', new TextEncoder().encode(text)).problems).toEqual([]);
  });

  it('keeps a byte order mark and CRLF line endings', () => {
    const file = '\uFEFF---\r\ntitle: T\r\ndate: 2025-03-11\r\narxiv: "2310.02970"\r\nupvotes: 3\r\n---\r\n\r\nBody\r\n';
    expect(mergePaperText(file, incoming({ code: undefined })).text).toBe(file.replace('upvotes: 3', 'upvotes: 47'));
  });

  it('edits unusual layouts through the YAML document, keeping every value', () => {
    const file = '---\n{title: T, date: 2025-03-11, arxiv: "2310.02970", upvotes: 1}\n---\n\nBody\n';
    const { text } = mergePaperText(file, incoming());
    expect(parsePaper('x.md', new TextEncoder().encode(text)).paper).toMatchObject({ title: 'T', date: '2025-03-11', upvotes: 47, code: 'https://github.com/imported/code', abstract: 'Body' });
  });

  it.each([
    ['no front matter', 'Just text\n', 'no front matter'],
    ['broken YAML', '---\ntitle: [unclosed\n---\n\nBody\n', 'not valid YAML'],
  ])('refuses a file with %s', (_, file, message) => {
    expect(() => mergePaperText(file, incoming())).toThrow(MergeError);
    expect(() => mergePaperText(file, incoming())).toThrow(message);
  });
});
