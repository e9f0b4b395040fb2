import { describe, expect, it } from 'vitest';
import { TEXT_WIDTH, displayWidth, renderDigestText, wrap } from '../src/digest-text.ts';
import { HOSTILE } from './helpers/corpus.ts';
import { SITE, digest, digestPaper } from './helpers/digests.ts';

const isUrlLine = (line: string) => /https?:\/\/\S+$/.test(line);

describe('displayWidth', () => {
  it('counts wide CJK characters and emoji as two columns, combining marks and ZWJ sequences as one character', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('機械学習')).toBe(8);
    expect(displayWidth('🚀')).toBe(2);
    expect(displayWidth('👩‍🔬')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('العربية')).toBe(7);
  });
});

describe('wrap', () => {
  it('breaks at spaces so no line is wider than the width', () => {
    const text = 'word '.repeat(60).trim();
    const lines = wrap(text, 30).split('\n');
    expect(lines.every((l) => displayWidth(l) <= 30)).toBe(true);
    expect(lines.join(' ')).toBe(text);
  });

  it('indents every line and counts the indent', () => {
    const lines = wrap('alpha beta gamma delta epsilon', 16, '   ').split('\n');
    expect(lines).toEqual(['   alpha beta', '   gamma delta', '   epsilon']);
  });

  it('splits a run of CJK without spaces between characters, never inside an emoji', () => {
    const lines = wrap('本研究では大規模言語モデルを提案する🚀🧠本研究では大規模言語モデルを提案する', 20).split('\n');
    expect(lines.every((l) => displayWidth(l) <= 20)).toBe(true);
    expect(lines.join('')).toBe('本研究では大規模言語モデルを提案する🚀🧠本研究では大規模言語モデルを提案する');
  });

  it('never splits a URL, however long', () => {
    const url = `${SITE}/papers/${'x'.repeat(100)}/`;
    expect(wrap(`see ${url} now`, 40).split('\n')).toEqual(['see', url, 'now']);
  });
});

describe('renderDigestText', () => {
  const fixture = digest();
  const text = renderDigestText(fixture);
  const lines = text.split('\n');

  it('keeps every line within 72 columns except lines that end in a URL', () => {
    expect(lines.filter((l) => !isUrlLine(l) && displayWidth(l) > TEXT_WIDTH)).toEqual([]);
  });

  it('has no trailing spaces except the signature separator', () => {
    expect(lines.filter((l) => /\s$/.test(l))).toEqual(['-- ']);
  });

  it('lists each paper: number, title, authors, upvotes and topics, excerpt, and its full URL on a line of its own', () => {
    const papers = fixture.papers;
    expect(text).toContain('1. 大規模言語モデル と العربية و עברית 🚀🧠 mixed');
    expect(text).toContain('   99 upvotes · Topics: 機械学習, تعلم الآلة, 🤖, Équité');
    for (const paper of papers) expect(lines).toContain(`   ${paper.url}`);
    expect(text).toContain(`Title ${HOSTILE}`.split(' ').slice(0, 3).join(' '));
  });

  it('links the web version, the unsubscribe page and the feeds with full URLs', () => {
    expect(lines).toContain(`${SITE}/papers/date/2025-01-07/`);
    expect(lines).toContain(`Unsubscribe: ${SITE}/unsubscribe/`);
    expect(lines).toContain(`RSS: ${SITE}/rss.xml`);
    expect(lines).toContain(`All feeds: ${SITE}/feeds/`);
  });

  it('says how many papers a trimmed digest leaves out and where to see them all', () => {
    const trimmed = renderDigestText(digest({ papers: [digestPaper(), digestPaper()], count: 300 }));
    expect(trimmed.replace(/\s+/g, ' ')).toContain(`This email shows the 2 most upvoted. See all 300 papers of January 7, 2025: ${SITE}/papers/date/2025-01-07/`);
  });

  it('is deterministic', () => {
    const fixed = digest({ papers: [digestPaper({ title: 'Fixed', url: `${SITE}/papers/fixed/`, upvotes: 3 })] });
    expect(renderDigestText(fixed)).toBe(renderDigestText(structuredClone(fixed)));
  });
});
