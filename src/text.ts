/**
 * Plain-text hygiene shared by every output: dropping characters that XML forbids or HTML calls
 * parse errors, folding single-line fields, and cutting excerpts at a word boundary. Content is
 * untrusted, so this runs on every string the loader accepts, before anything is rendered.
 */

/**
 * Characters no output may contain: C0 controls except tab/LF/CR (forbidden in XML 1.0), DEL and C1
 * controls and Unicode noncharacters (parse errors in HTML), and lone surrogates (not encodable).
 */
const UNSAFE_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes every character in {@link UNSAFE_CHARS}; returns the clean text and how many were removed. */
export function dropUnsafeChars(text: string): { text: string; dropped: number } {
  let dropped = 0;
  const clean = text.replace(UNSAFE_CHARS, () => {
    dropped++;
    return '';
  });
  return { text: clean, dropped };
}

/** Folds runs of whitespace (newlines included) into single spaces and trims: for titles and names. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Cuts plain text to at most `max` characters at a word boundary and adds an ellipsis when cut.
 * Never splits a surrogate pair.
 */
export function excerpt(text: string, max: number): string {
  // Only the start matters: fold a prefix, longer only while folding leaves too little of it.
  let size = max * 4;
  let whole = text.length <= size;
  let folded = foldWhitespace(whole ? text : text.slice(0, size));
  while (!whole && folded.length <= max) {
    size *= 4;
    whole = text.length <= size;
    folded = foldWhitespace(whole ? text : text.slice(0, size));
  }
  if (whole && folded.length <= max) return folded;
  const chars = Array.from(folded);
  if (whole && chars.length <= max) return folded;
  const head = chars.slice(0, max).join('');
  const lastSpace = head.lastIndexOf(' ');
  const cut = lastSpace > max * 0.5 ? head.slice(0, lastSpace) : head;
  return `${cut.replace(/[\s,;:.\u2013\u2014-]+$/, '')}…`;
}
