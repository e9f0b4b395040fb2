import { describe, expect, it } from 'vitest';
import { parseArxivFeed } from '../src/import-arxiv.ts';
import { checkRecord, SourceError } from '../src/import-record.ts';
import { atomFeed, fixture } from './helpers/imports.ts';

const records = () => parseArxivFeed(fixture('arxiv/query.atom.xml')).records;
const byLabel = (label: string) => records().find((r) => r.label === label);

describe('parseArxivFeed on an arXiv API response', () => {
  it('reads every entry, in order, into a record that passes the content contract', () => {
    const all = records();
    expect(all.map((r) => r.label)).toEqual(['2505.21777v2', '2505.23852v1', '2506.13899v1', '2506.06831v1', '2506.13945v1', 'hep-ex/0307015', '0704.0001v2', 'hep-th/9901001v3']);
    for (const record of all) expect(checkRecord(record).problems, record.position).toEqual([]);
  });

  it('keeps the id with its version, the primary category, and a readable topic per arXiv category', () => {
    expect(byLabel('2505.21777v2')?.fields).toMatchObject({
      arxiv: '2505.21777v2',
      category: 'cs.LG',
      topics: ['Machine Learning', 'Disordered Systems and Neural Networks', 'Computer Vision and Pattern Recognition', 'Neurons and Cognition'],
      published: '2025-05-27',
      date: '2025-05-27',
      pdf: 'https://arxiv.org/pdf/2505.21777v2',
    });
  });

  it('leaves out classes that are not arXiv categories (ACM, MSC)', () => {
    expect(byLabel('2505.23852v1')?.fields.topics).toEqual(['Computation and Language', 'Artificial Intelligence', 'Multiagent Systems', 'Statistics Applications']);
  });

  it('reads old-style ids with and without a version, UTC days from offset timestamps, and journal references as venue', () => {
    expect(byLabel('hep-ex/0307015')?.fields).toMatchObject({
      arxiv: 'hep-ex/0307015', category: 'hep-ex', published: '2003-07-07', venue: 'Eur.Phys.J. C31 (2003) 17-29',
      pdf: 'https://arxiv.org/pdf/hep-ex/0307015v1', authors: ['H1 Collaboration'], topics: ['High Energy Physics - Experiment'],
    });
    expect(byLabel('hep-th/9901001v3')?.fields).toMatchObject({ arxiv: 'hep-th/9901001v3', category: 'hep-th', date: '1999-01-01' });
    expect(byLabel('0704.0001v2')?.fields).toMatchObject({ venue: 'Phys.Rev.D76:013009,2007', published: '2007-04-02' });
  });

  it('normalises whitespace in titles and joins wrapped abstracts into paragraphs, keeping TeX and text as written', () => {
    const entry = byLabel('hep-th/9901001v3');
    expect(entry?.fields.title).toBe('A synthetic entry: $\\mathcal{N}=4$ Wilson loops & “quotes” at strong coupling');
    expect(entry?.abstract).toBe(
      'We test an importer with an old-style identifier that carries a version. The abstract has inline TeX $\\mathcal{N}=4$ and ' +
        '$\\langle W \\rangle \\sim e^{-S}$, markup-like text <b>bold?</b> & an ampersand.\n\nA second paragraph, with an em dash — and “curly quotes”.',
    );
    expect(byLabel('2506.13899v1')?.abstract).toContain('$\\mathrm{M_\\odot}$ (K km s$^{-1}$ pc$^2$)$^{-1}$ in the central 1-3 kpc');
  });

  it('keeps unicode names and every author of a large collaboration, in order', () => {
    expect(byLabel('hep-th/9901001v3')?.fields.authors).toEqual(['Zoë Ångström', '山田 太郎', 'Jean-Luc Dupont-Leclerc']);
    expect(byLabel('2506.13899v1')?.fields.authors).toContain('Gergö Popping');
    const authors = byLabel('2506.13945v1')?.fields.authors as string[];
    expect(authors).toHaveLength(229);
    expect(new Set(authors).size).toBe(229);
  });

  it('uses --date as the listing day of every entry', () => {
    const dated = parseArxivFeed(fixture('arxiv/query.atom.xml'), { date: '2025-07-01' }).records;
    expect(new Set(dated.map((r) => r.fields.date))).toEqual(new Set(['2025-07-01']));
  });
});

describe('parseArxivFeed as XML', () => {
  it('finds arXiv elements by namespace, whatever their prefix', () => {
    const xml = atomFeed([{ id: '2506.00001v1', categories: ['cs.CL'], primary: 'cs.CL' }])
      .replace('<arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.CL"', '<ax:primary_category xmlns:ax="http://arxiv.org/schemas/atom" term="stat.ML"')
      .replace('/>\n    <category', '/>\n    <arxiv:primary_category xmlns:arxiv="urn:not-arxiv" term="math.CO"/>\n    <category');
    expect(parseArxivFeed(xml).records[0]?.fields.category).toBe('stat.ML');
  });

  it('decodes character references and entities', () => {
    const xml = atomFeed([{ id: '2506.00001v1' }]).replace('<title>A Title</title>', '<title>&#x3B1;-&#946; &amp; &lt;b&gt; &quot;q&quot;</title>');
    expect(parseArxivFeed(xml).records[0]?.fields.title).toBe('α-β & <b> "q"');
  });

  it.each(['SYSTEM "file:///etc/passwd"', '"aaaaaaaaaa"'])('refuses entities declared in the document (%s) instead of expanding them', (definition) => {
    const xml = atomFeed([{ id: '2506.00001v1' }])
      .replace('<feed', `<!DOCTYPE feed [<!ENTITY x ${definition}>]>\n<feed`)
      .replace('<title>A Title</title>', '<title>T &x;</title>');
    expect(() => parseArxivFeed(xml)).toThrow(/not well-formed XML.*entity not found/);
  });

  it('falls back to the first category when there is no primary category, and keeps unknown subjects of known archives', () => {
    const xml = atomFeed([{ id: '2506.00001v1', categories: ['cs.XY', 'cs.LG', 'I.2.6'] }]).replace(/ *<arxiv:primary_category[^>]*>\n/, '');
    expect(parseArxivFeed(xml).records[0]?.fields).toMatchObject({ category: 'cs.XY', topics: ['cs.XY', 'Machine Learning'] });
  });

  it('notes when the response is one page of a longer result list', () => {
    const head = '  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">25</opensearch:totalResults>\n  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">10</opensearch:startIndex>\n';
    const { notes } = parseArxivFeed(atomFeed([{ id: '2506.00001v1' }, { id: '2506.00002v1' }], head));
    expect(notes).toEqual(['the response holds results 11–12 of 25: fetch the next page with start=12']);
    expect(parseArxivFeed(fixture('arxiv/query.atom.xml')).notes).toEqual([]);
  });

  it('reads an empty result list as no entries', () => {
    expect(parseArxivFeed(atomFeed([])).records).toEqual([]);
  });

  it('leaves an entry whose id is not an arXiv abstract URL for the contract check to report', () => {
    const record = parseArxivFeed(atomFeed([{ id: '2506.00001v1' }]).replace('<id>http://arxiv.org/abs/2506.00001v1</id>', '<id>urn:uuid:123</id>')).records[0];
    expect(checkRecord(record!).problems).toEqual([expect.objectContaining({ position: 'entry 1', field: 'arxiv' })]);
  });

  it.each([
    [fixture('arxiv/error.atom.xml'), 'the arXiv API answered with an error: incorrect id format for 1234.12345'],
    ['Rate exceeded.', 'not well-formed XML'],
    ['<feed xmlns="http://www.w3.org/2005/Atom"><entry>', 'not well-formed XML'],
    ['<?xml version="1.0"?><rss version="2.0"><channel/></rss>', 'not an Atom feed (its root element is <rss>)'],
    ['<feed><entry/></feed>', 'not an Atom feed'],
  ])('fails the whole source for a response that is not a result list (%#)', (xml, message) => {
    expect(() => parseArxivFeed(xml)).toThrow(SourceError);
    expect(() => parseArxivFeed(xml)).toThrow(message);
  });
});
