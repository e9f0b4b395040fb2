import { describe, expect, it } from 'vitest';
import { citationKey, uniqueKeys } from '../src/citation-key.ts';
import { citable } from './helpers/citables.ts';

describe('citationKey', () => {
  it('is family name, year and first word, like Google Scholar', () => {
    expect(citationKey(citable())).toBe('bekkers2023fast');
  });

  it('uses the listing year when the first public date is unknown', () => {
    expect(citationKey(citable({ published: undefined }))).toBe('bekkers2025fast');
  });

  it('skips stop words and formulas for the first word', () => {
    expect(citationKey(citable({ title: 'On the $\\mathcal{O}(n)$ Attention of a Model' }))).toBe('bekkers2023attention');
    expect(citationKey(citable({ title: 'A Study of Things' }))).toBe('bekkers2023study');
    expect(citationKey(citable({ title: 'Towards Better Things' }))).toBe('bekkers2023better');
  });

  it('folds accents and keeps particles', () => {
    expect(citationKey(citable({ authors: ['Zoë Ångström'], title: 'Équité in Learning' }))).toBe('angstrom2023equite');
    expect(citationKey(citable({ authors: ['Putri A. van der Linden'] }))).toBe('vanderlinden2023fast');
  });

  it('gives anon for no authors or a name without Latin letters, and no word for a title without Latin words', () => {
    expect(citationKey(citable({ authors: [] }))).toBe('anon2023fast');
    expect(citationKey(citable({ authors: ['山田 太郎'], title: '大規模言語モデル' }))).toBe('anon2023');
    expect(citationKey(citable({ authors: ['山田 太郎 (Taro Yamada)'] }))).toBe('yamada2023fast');
  });

  it('handles single names and hostile text', () => {
    expect(citationKey(citable({ authors: ['Plato'], title: '<script>alert(1)</script>' }))).toBe('plato2023script');
    expect(citationKey(citable({ authors: ['Eve <b>', 'x'] }))).toMatch(/^[a-z0-9]+$/);
  });
});

describe('uniqueKeys', () => {
  it('keeps the first key by paper id and appends a, b, … to the others', () => {
    const a = citable({ id: '2501.00003' });
    const b = citable({ id: '2501.00001' });
    const c = citable({ id: '2501.00002' });
    const other = citable({ id: '2501.00004', authors: ['Ada Lovelace'] });
    const keys = uniqueKeys([a, b, c, other]);
    expect([...keys]).toEqual([
      ['2501.00001', 'bekkers2023fast'],
      ['2501.00002', 'bekkers2023fasta'],
      ['2501.00003', 'bekkers2023fastb'],
      ['2501.00004', 'lovelace2023fast'],
    ]);
  });

  it('never reuses a key that another paper already has', () => {
    const keys = uniqueKeys([citable({ id: 'x1' }), citable({ id: 'x2' }), citable({ id: 'x3', title: 'Fasta' })]);
    expect(new Set(keys.values()).size).toBe(3);
    expect(keys.get('x3')).toBe('bekkers2023fasta');
    expect(keys.get('x2')).toBe('bekkers2023fastb');
  });

  it('goes on past z', () => {
    const many = Array.from({ length: 30 }, (_, i) => citable({ id: `p${String(i).padStart(2, '0')}` }));
    const keys = [...uniqueKeys(many).values()];
    expect(new Set(keys).size).toBe(30);
    expect(keys.slice(26)).toEqual(['bekkers2023fastz', 'bekkers2023fastaa', 'bekkers2023fastab', 'bekkers2023fastac']);
  });
});
