import { describe, expect, it } from 'vitest';
import { dropUnsafeChars, excerpt, foldWhitespace } from '../src/text.ts';

describe('dropUnsafeChars', () => {
  it('drops C0 and C1 controls but keeps tab, newline and carriage return', () => {
    expect(dropUnsafeChars('a\u0000b\u0008c\td\ne\rf\u000Bg\u001Fh\u007Fi\u0085j\u009Fk')).toEqual({ text: 'abc\td\ne\rfghijk', dropped: 7 });
  });

  it('drops noncharacters and lone surrogates, keeps real astral characters', () => {
    expect(dropUnsafeChars('a\uFFFEb\uFFFFc\uFDD0d\uD800e\uDC00f\uD83F\uDFFEg😀').text).toBe('abcdefg😀');
  });

  it('leaves ordinary text alone', () => {
    expect(dropUnsafeChars('Ünïcödé — 機械 ← עברית')).toEqual({ text: 'Ünïcödé — 機械 ← עברית', dropped: 0 });
  });
});

describe('excerpt', () => {
  it('keeps short text whole', () => {
    expect(excerpt('Short  text.\n', 100)).toBe('Short text.');
  });

  it('cuts at a word boundary and adds an ellipsis', () => {
    expect(excerpt('one two three four five', 12)).toBe('one two…');
  });

  it('cuts a long text after folding its whitespace', () => {
    expect(excerpt('word\n\n   '.repeat(100_000), 20)).toBe('word word word word…');
    expect(excerpt(`${' '.repeat(500)}short`, 20)).toBe('short');
    expect(excerpt(`a${' '.repeat(500)}b ${'c'.repeat(30)}`, 20)).toBe('a b cccccccccccccccc…');
  });

  it('never splits an emoji', () => {
    expect(excerpt('😀'.repeat(20), 5)).toBe('😀😀😀😀😀…');
  });

  it('folds whitespace', () => {
    expect(foldWhitespace(' a \n\t b ')).toBe('a b');
  });
});
