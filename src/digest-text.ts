/**
 * The plain-text part of a day's email digest: what text-only mail clients, screen readers in some
 * clients and spam filters read. Lines are wrapped at 72 columns (wide CJK characters and emoji
 * count two), links are full URLs on lines of their own so no client breaks them, and a URL or a
 * word is never split unless it alone is wider than a line.
 */
import { countOf } from './filters.ts';
import type { Digest, DigestPaper } from './digest.ts';

export const TEXT_WIDTH = 72;

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
const WIDE = /^[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|^[\u{20000}-\u{3FFFD}]|\p{Extended_Pictographic}/u;

/** Columns a string takes in a monospaced terminal or mail client: 2 per wide character or emoji. */
export function displayWidth(text: string): number {
  // Plain ASCII (most text) is one column a character, without segmenting graphemes.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const { segment } of graphemes.segment(text)) width += WIDE.test(segment) ? 2 : 1;
  return width;
}

/** Splits a word wider than `width` into pieces that fit, between graphemes. */
function splitWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const { segment } of graphemes.segment(word)) {
    if (piece && displayWidth(piece + segment) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += segment;
  }
  return piece ? [...pieces, piece] : pieces;
}

/**
 * Wraps text at `width` columns, each line starting with `indent`. Breaks at spaces; a word wider
 * than the line is split, except URLs, which stay whole on a line of their own.
 */
export function wrap(text: string, width = TEXT_WIDTH, indent = ''): string {
  const room = Math.max(8, width - displayWidth(indent));
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  const words = text.split(/\s+/).filter(Boolean);
  const pieces = words.flatMap((word) => (/^https?:\/\//.test(word) || displayWidth(word) <= room ? [word] : splitWord(word, room)));
  for (const piece of pieces) {
    const pieceWidth = displayWidth(piece);
    if (line && lineWidth + 1 + pieceWidth > room) {
      lines.push(line);
      [line, lineWidth] = [piece, pieceWidth];
    } else {
      [line, lineWidth] = line ? [`${line} ${piece}`, lineWidth + 1 + pieceWidth] : [piece, pieceWidth];
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

function paperBlock(paper: DigestPaper, index: number): string {
  const number = `${index + 1}. `;
  const indent = ' '.repeat(number.length);
  const title = wrap(paper.title, TEXT_WIDTH, indent).slice(indent.length);
  const meta = [countOf(paper.upvotes, 'upvote'), ...(paper.topics.length ? [`Topics: ${paper.topics.join(', ')}`] : [])].join(' · ');
  return [
    number + title,
    ...(paper.authors ? [wrap(paper.authors, TEXT_WIDTH, indent)] : []),
    wrap(meta, TEXT_WIDTH, indent),
    wrap(paper.excerpt, TEXT_WIDTH, indent),
    indent + paper.url,
  ].join('\n');
}

function moreBlock(digest: Digest): string[] {
  const shown = digest.papers.length;
  if (shown >= digest.count) return [];
  const why = shown === 0 ? 'This email has no room for them.' : `This email shows the ${shown} most upvoted.`;
  return [wrap(`${why} See all ${countOf(digest.count, 'paper')} of ${digest.dayLabel}:`), digest.webUrl];
}

/** The digest as plain text, LF line ends (the mailer writes CRLF). */
export function renderDigestText(digest: Digest): string {
  const order = digest.count === 1 ? '1 paper' : `${countOf(digest.count, 'paper')}, most upvoted first`;
  const heading = `${digest.siteTitle}: trending papers of ${digest.dayLabel}`;
  const blocks = [
    [wrap(heading), '='.repeat(Math.min(TEXT_WIDTH, displayWidth(heading)))].join('\n'),
    [wrap(`${order}. On the web:`), digest.webUrl].join('\n'),
    ...digest.papers.map(paperBlock),
    ...(moreBlock(digest).length ? [moreBlock(digest).join('\n')] : []),
    [
      '-- ',
      wrap(`You get this email because you subscribed to the daily digest of ${digest.siteTitle}.`),
      `Unsubscribe: ${digest.unsubscribeUrl}`,
      '',
      'Prefer a feed reader?',
      ...digest.feeds.map((feed) => `${feed.label}: ${feed.url}`),
    ].join('\n'),
  ];
  return `${blocks.join('\n\n')}\n`;
}
