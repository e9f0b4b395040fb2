import { describe, expect, it } from 'vitest';
import { asciiFold, asciiWords, familyName, isCjkName } from '../src/names.ts';

describe('familyName', () => {
  it.each([
    ['Erik J. Bekkers', 'Bekkers'],
    ['Putri A. van der Linden', 'van der Linden'],
    ['Ludwig von Beethoven', 'von Beethoven'],
    ['Martin Luther King Jr.', 'King'],
    ['William Henry Gates III', 'Gates'],
    ['Bekkers, Erik J.', 'Bekkers'],
    ['van der Linden, Putri A.', 'van der Linden'],
    ['山田 太郎', '山田'],
    ['김 철수', '김'],
    ['山田太郎', '山田太郎'],
    ['Plato', 'Plato'],
    ['  Ada   Lovelace  ', 'Lovelace'],
    ['', ''],
  ])('finds the family name of %j', (name, family) => {
    expect(familyName(name)).toBe(family);
  });

  it('keeps a particle that is the only other word as a given name', () => {
    expect(familyName('De Gaulle')).toBe('Gaulle');
  });
});

describe('isCjkName', () => {
  it('recognises names written in Han, kana or Hangul', () => {
    expect(['山田 太郎', 'やまだ', 'カタカナ', '김철수'].map(isCjkName)).toEqual([true, true, true, true]);
    expect(['Zoë Ångström', 'محمد علي', ''].map(isCjkName)).toEqual([false, false, false]);
  });
});

describe('asciiFold', () => {
  it('folds accents and special Latin letters to lowercase ASCII', () => {
    expect(asciiFold('Ångström')).toBe('angstrom');
    expect(asciiFold('Gößl Øre Łukasz Æsir Œuvre')).toBe('gosslorelukaszaesiroeuvre');
    expect(asciiFold('O\'Brien-Smith 3D')).toBe('obriensmith3d');
  });

  it('drops scripts it cannot spell in ASCII', () => {
    expect(asciiFold('山田')).toBe('');
    expect(asciiFold('محمد')).toBe('');
  });
});

describe('asciiWords', () => {
  it('splits at anything that is not a letter, digit or mark', () => {
    expect(asciiWords('Fast, Expressive SE(n) Équivariant Nets — 大規模 mixed')).toEqual(['fast', 'expressive', 'se', 'n', 'equivariant', 'nets', 'mixed']);
  });
});
