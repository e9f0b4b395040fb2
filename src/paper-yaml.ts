/**
 * Writes front matter the way a maintainer would: fields in the contract's order, one per line,
 * lists as `- item` lines, and quoting that reads back exactly what was written. Text fields
 * (titles, names, ids, venues) are always quoted, so `2310.02970` stays text, `yes` stays a word
 * and `Title: subtitle # 2` keeps its colon and hash; text with a backslash (TeX) is single-quoted
 * so `$\mathcal{O}(n)$` reads as written. Days, categories and URLs stay plain where YAML allows.
 * The `yaml` package does the quoting and escaping; this module only chooses the styles.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { FIELD_NAMES } from './schema.ts';

export type FieldValue = string | number | boolean | string[];

export const WRITE_OPTIONS = { lineWidth: 0, indentSeq: true } as const;
/** Free-text fields: always quoted. Days, categories and URLs have a fixed shape and stay plain when YAML allows. */
const QUOTED_FIELDS = new Set(['title', 'arxiv', 'authors', 'topics', 'venue', 'submitter']);

function scalarNode(field: string, value: string | number | boolean): Scalar {
  const node = new Scalar(value);
  if (typeof value === 'string' && QUOTED_FIELDS.has(field)) node.type = value.includes('\\') ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
  return node;
}

export function valueNode(field: string, value: FieldValue): Scalar | YAMLSeq {
  if (!Array.isArray(value)) return scalarNode(field, value);
  const seq = new YAMLSeq();
  for (const item of value) seq.items.push(scalarNode(field, item));
  if (value.length === 0) seq.flow = true;
  return seq;
}

/** One field as YAML lines, ending with a newline: `title: "…"\n` or `authors:\n  - "…"\n`. */
export function renderField(field: string, value: FieldValue): string {
  const doc = new Document(new YAMLMap());
  (doc.contents as YAMLMap).items.push(new Pair(new Scalar(field), valueNode(field, value)));
  return doc.toString(WRITE_OPTIONS);
}

/** A value as it appears after `field: ` on the field's line (scalars and empty lists only). */
export function renderInlineValue(field: string, value: FieldValue): string {
  return renderField(field, value).slice(field.length + 1).trim();
}

/** The block lines of a non-empty list, each `  - item`, ending with a newline. */
export function renderListItems(field: string, value: string[]): string {
  return renderField(field, value).slice(field.length + 2);
}

/** Front matter for `fields`, in the contract's order; absent and empty values are left out. */
export function renderFrontMatter(fields: Partial<Record<string, FieldValue>>): string {
  return FIELD_NAMES.map((name) => {
    const value = fields[name];
    return value === undefined || (Array.isArray(value) && value.length === 0) ? '' : renderField(name, value);
  }).join('');
}

/** A whole paper file: front matter between `---` lines, a blank line, the abstract. */
export function renderPaperFile(fields: Partial<Record<string, FieldValue>>, abstract: string): string {
  return `---\n${renderFrontMatter(fields)}---\n\n${abstract.trim()}\n`;
}
