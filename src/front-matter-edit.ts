/**
 * Changes some fields of existing front matter and leaves every other byte as the maintainer wrote
 * it: comments, quoting, spacing, blank lines, field order. The YAML is parsed into a Document
 * (the `yaml` package), each edit is located by its node's source range, and only that span is
 * rewritten; new fields go before the next field in the contract's order. The result is parsed
 * again and must hold exactly the intended values; if the layout is too unusual for that (flow maps,
 * indented keys), the Document itself is edited and re-serialised instead.
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Pair } from 'yaml';
import { FIELD_NAMES } from './schema.ts';
import { renderField, renderInlineValue, renderListItems, valueNode, WRITE_OPTIONS, type FieldValue } from './paper-yaml.ts';

export const YAML_OPTIONS = { uniqueKeys: true, version: '1.2', schema: 'core' } as const;

export interface FieldEdit {
  field: string;
  value: FieldValue;
}

interface Splice {
  at: number;
  end: number;
  text: string;
  order: number;
}

/** The top-level pair for `field`, when the front matter has one. */
export function findPair(doc: Document, field: string): Pair | undefined {
  if (!isMap(doc.contents)) return undefined;
  return doc.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === field) as Pair | undefined;
}

/** Applies `edits` to the front matter `yaml` (parsed as `doc`); returns the new YAML text. */
export function editFrontMatter(yaml: string, doc: Document, edits: FieldEdit[]): string {
  if (edits.length === 0) return yaml;
  const expected = { ...(doc.toJS() ?? {}) } as Record<string, unknown>;
  for (const edit of edits) expected[edit.field] = edit.value;
  const spliced = spliceEdits(yaml, doc, edits);
  if (spliced !== undefined && holds(spliced, expected)) return spliced;
  const rewritten = rewriteDocument(doc, edits);
  if (holds(rewritten, expected)) return rewritten;
  throw new Error('could not edit the front matter without changing other fields');
}

function holds(yaml: string, expected: Record<string, unknown>): boolean {
  const doc = parseDocument(yaml, YAML_OPTIONS);
  return doc.errors.length === 0 && isDeepStrictEqual(doc.toJS() ?? {}, expected);
}

/** The fallback: edit the Document and serialise it (keeps comments, may normalise spacing). */
function rewriteDocument(doc: Document, edits: FieldEdit[]): string {
  const copy = doc.clone();
  for (const edit of edits) copy.set(edit.field, valueNode(edit.field, edit.value));
  return copy.toString(WRITE_OPTIONS).replace(/\n$/, '');
}

function spliceEdits(yaml: string, doc: Document, edits: FieldEdit[]): string | undefined {
  if (doc.contents !== null && (!isMap(doc.contents) || doc.contents.flow)) return undefined;
  const splices: Splice[] = [];
  for (const edit of edits) {
    const splice = spliceFor(yaml, doc, edit);
    if (!splice) return undefined;
    splices.push(splice);
  }
  splices.sort((a, b) => b.at - a.at || b.order - a.order);
  return splices.reduce((text, s) => text.slice(0, s.at) + s.text + text.slice(s.end), yaml);
}

function spliceFor(yaml: string, doc: Document, edit: FieldEdit): Splice | undefined {
  const order = FIELD_NAMES.indexOf(edit.field as (typeof FIELD_NAMES)[number]);
  const pair = findPair(doc, edit.field);
  if (!pair) return insertField(yaml, doc, edit, order);
  const key = pair.key as Scalar;
  const [keyStart, keyEnd] = key.range ?? [-1, -1];
  const colon = yaml.indexOf(':', keyEnd);
  if (keyStart !== lineStart(yaml, keyStart) || colon < 0 || yaml.slice(keyEnd, colon).trim() !== '') return undefined;
  const value = pair.value;
  const range = (isScalar(value) || isSeq(value)) && value.range && value.range[1] > value.range[0] ? value.range : undefined;
  if (Array.isArray(edit.value) && edit.value.length > 0) {
    const items = `\n${renderListItems(edit.field, edit.value).replace(/\n$/, '')}`;
    const eol = lineEnd(yaml, range ? range[1] : keyEnd);
    if (!range) return { at: eol, end: eol, text: items, order };
    const comment = yaml.slice(range[1], eol).trim();
    return { at: colon + 1, end: eol, text: `${comment ? ` ${comment}` : ''}${items}`, order };
  }
  const inline = renderInlineValue(edit.field, edit.value);
  if (range) return { at: range[0], end: range[1], text: inline, order };
  const padding = /^( +)#/.exec(yaml.slice(colon + 1))?.[1]?.length ?? 0;
  const absorbed = Math.min(Math.max(padding - 1, 0), inline.length + 1);
  return { at: colon + 1, end: colon + 1 + absorbed, text: ` ${inline}`, order };
}

/** A new field goes before the next present field in the contract's order, else at the end. */
function insertField(yaml: string, doc: Document, edit: FieldEdit, order: number): Splice | undefined {
  const text = renderField(edit.field, edit.value);
  const next = FIELD_NAMES.slice(order + 1)
    .map((name) => findPair(doc, name))
    .find((pair): pair is Pair => pair !== undefined);
  const at = next ? ((next.key as Scalar).range?.[0] ?? -1) : yaml.length;
  if (next && at !== lineStart(yaml, at)) return undefined;
  if (next || yaml === '' || yaml.endsWith('\n')) return { at, end: at, text, order };
  return { at, end: at, text: `\n${text.replace(/\n$/, '')}`, order };
}

function lineStart(text: string, at: number): number {
  return at < 0 ? -2 : text.lastIndexOf('\n', at - 1) + 1;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}
