import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editFrontMatter, findPair, YAML_OPTIONS, type FieldEdit } from '../src/front-matter-edit.ts';

const edit = (yaml: string, edits: FieldEdit[]) => editFrontMatter(yaml, parseDocument(yaml, YAML_OPTIONS), edits);

describe('editFrontMatter', () => {
  it('replaces only the edited value, keeping comments, quoting and spacing around it', () => {
    const yaml = "# note\ntitle:  'A' # mine\nupvotes:    3   # score\n\nvenue: \"X\"";
    expect(edit(yaml, [{ field: 'upvotes', value: 9 }])).toBe("# note\ntitle:  'A' # mine\nupvotes:    9   # score\n\nvenue: \"X\"");
  });

  it('writes a value after an empty field\'s colon, taking the space from its comment\'s padding', () => {
    expect(edit('venue:          # e.g. ICLR\ncode:', [{ field: 'venue', value: 'ICML' }, { field: 'code', value: 'https://x.org/' }])).toBe(
      'venue: "ICML"   # e.g. ICLR\ncode: https://x.org/',
    );
    expect(edit('venue:  # e.g. ICLR', [{ field: 'venue', value: 'NeurIPS' }])).toBe('venue: "NeurIPS" # e.g. ICLR');
  });

  it('puts list items under the field, after its comment, replacing an empty []', () => {
    expect(edit('authors:   # one per line\ntopics: []  # labels\nupvotes: 1', [{ field: 'authors', value: ['Ada'] }, { field: 'topics', value: ['nlp', 'ml'] }])).toBe(
      'authors:   # one per line\n  - "Ada"\ntopics: # labels\n  - "nlp"\n  - "ml"\nupvotes: 1',
    );
  });

  it('inserts new fields before the next field in the contract\'s order, several at one place in order', () => {
    const yaml = 'title: T\n# links\npdf: https://a.org/p.pdf\nsubmitter: me';
    expect(edit(yaml, [{ field: 'project', value: 'https://p.org/' }, { field: 'code', value: 'https://c.org/' }, { field: 'date', value: '2025-01-01' }])).toBe(
      'title: T\n# links\ndate: 2025-01-01\ncode: https://c.org/\nproject: https://p.org/\npdf: https://a.org/p.pdf\nsubmitter: me',
    );
  });

  it('appends fields that come after every present one, and fills empty front matter', () => {
    expect(edit('title: T', [{ field: 'submitter', value: 'me' }, { field: 'upvotes', value: 2 }])).toBe('title: T\nupvotes: 2\nsubmitter: "me"');
    expect(edit('title: T\n', [{ field: 'submitter', value: 'me' }, { field: 'upvotes', value: 2 }])).toBe('title: T\nupvotes: 2\nsubmitter: "me"\n');
    expect(edit('', [{ field: 'title', value: 'T' }])).toBe('title: "T"\n');
  });

  it('falls back to editing the YAML document when keys are indented, still holding every value', () => {
    const yaml = '  title: T\n  upvotes: 1\n  venue: V';
    const result = edit(yaml, [{ field: 'upvotes', value: 5 }, { field: 'code', value: 'https://c.org/' }]);
    expect(parseDocument(result, YAML_OPTIONS).toJS()).toEqual({ title: 'T', upvotes: 5, venue: 'V', code: 'https://c.org/' });
  });

  it('changes nothing without edits', () => {
    const yaml = 'title:    odd   spacing  # kept';
    expect(edit(yaml, [])).toBe(yaml);
  });

  it('finds top-level fields by name', () => {
    const doc = parseDocument('title: T\nnested:\n  upvotes: 3', YAML_OPTIONS);
    expect(findPair(doc, 'title')).toBeDefined();
    expect(findPair(doc, 'upvotes')).toBeUndefined();
  });
});
