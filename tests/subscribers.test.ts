import { describe, expect, it } from 'vitest';
import { addressError, addressKey, parseAddressList } from '../src/subscribers.ts';

describe('parseAddressList', () => {
  it('reads bare and named addresses, one a line, skipping blanks and comments', () => {
    const list = parseAddressList('\uFEFF# subscribers\nada@example.org\r\n\n  Alan Turing <alan@example.org>  \n"Lovelace, Ada" <ada.l@example.org>\n');
    expect(list.recipients).toEqual([
      { address: 'ada@example.org', line: 2 },
      { address: 'alan@example.org', name: 'Alan Turing', line: 4 },
      { address: 'ada.l@example.org', name: 'Lovelace, Ada', line: 5 },
    ]);
    expect(list.problems).toEqual([]);
  });

  it('keeps names in any script', () => {
    const list = parseAddressList('山田 太郎 <yamada@example.jp>\nمحمد علي <m@example.org>\nZoë 🚀 <zoe@example.org>\n');
    expect(list.recipients.map((r) => r.name)).toEqual(['山田 太郎', 'محمد علي', 'Zoë 🚀']);
  });

  it('reports each bad line with its line number and skips it', () => {
    const list = parseAddressList('ok@example.org\nbob@\nnot an address\na@example.org, b@example.org\nx@localhost\nzoë@example.org\n<script>@x.org\nlast@example.org\n');
    expect(list.recipients.map((r) => r.line)).toEqual([1, 8]);
    expect(list.problems).toEqual([
      { line: 2, message: '"bob@" is not an email address (name@domain)' },
      { line: 3, message: '"not an address" is not an email address (name@domain)' },
      { line: 4, message: '"a@example.org, b@example.org" holds more than one address: put one a line' },
      { line: 5, message: '"x@localhost" has no valid domain after "@"' },
      { line: 6, message: '"zoë@example.org" has a part before "@" that mail servers do not accept' },
      { line: 7, message: expect.stringMatching(/^"<script>@x\.org" /) },
    ]);
  });

  it('lists an address once, whatever its case, and reports the later lines', () => {
    const list = parseAddressList('Ada@Example.org\nada@example.org\nADA@EXAMPLE.ORG\n');
    expect(list.recipients).toEqual([{ address: 'Ada@Example.org', line: 1 }]);
    expect(list.duplicates.map((d) => d.line)).toEqual([2, 3]);
  });
});

describe('addressError', () => {
  it('accepts ordinary and international-domain addresses', () => {
    for (const ok of ['a@b.co', 'first.last+tag@sub.example.org', "o'brien@example.ie", 'x@bücher.de', 'y@例え.jp']) expect(addressError(ok)).toBeUndefined();
  });

  it('rejects what a server would refuse', () => {
    for (const bad of ['@example.org', 'a@', 'a..b@example.org', '.a@example.org', 'a@example', 'a@-x.org', 'a@1.2.3.4', `${'x'.repeat(65)}@example.org`, `a@${'x'.repeat(250)}.org`]) {
      expect(addressError(bad), bad).toBeDefined();
    }
  });
});

describe('addressKey', () => {
  it('compares addresses without case', () => {
    expect(addressKey('Ada@Example.ORG')).toBe(addressKey('ada@example.org'));
  });
});
