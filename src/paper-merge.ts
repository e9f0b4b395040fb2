/**
 * The rule for importing into a paper file that already exists: newer data raises `upvotes`
 * (never lowers them: an older response re-imported changes nothing) and fills fields that are
 * still empty — absent, `field:` with no value, `""` or `[]` — and an empty abstract. Everything
 * else is the maintainer's: a value they wrote is never replaced, and the file keeps its comments,
 * quoting, line endings and byte order mark (edits go through ./front-matter-edit.ts).
 */
import { isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { FRONT_MATTER } from './content.ts';
import { editFrontMatter, findPair, YAML_OPTIONS, type FieldEdit } from './front-matter-edit.ts';
import { IMPORT_FIELDS, type ImportField } from './import-record.ts';
import type { FieldValue } from './paper-yaml.ts';

export interface Incoming {
  fields: Partial<Record<ImportField, FieldValue>>;
  abstract: string;
}

export interface Merge {
  text: string;
  /** What changed, for the report: `upvotes 12 → 47`, `filled code, abstract`. */
  changes: string[];
}

/** The existing file cannot be merged into (no front matter, broken YAML): the maintainer must fix it first. */
export class MergeError extends Error {
  override name = 'MergeError';
}

function isEmptyNode(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  if (isScalar(node)) return node.value === null || (typeof node.value === 'string' && node.value.trim() === '');
  return isSeq(node) && node.items.length === 0;
}

/** Merges `incoming` into the text of an existing paper file; returns the new text and what changed. */
export function mergePaperText(existing: string, incoming: Incoming): Merge {
  const bom = existing.startsWith('\uFEFF') ? '\uFEFF' : '';
  const crlf = existing.includes('\r\n');
  const text = existing.slice(bom.length).replace(/\r\n/g, '\n');
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new MergeError('has no front matter between "---" lines: fix the file first');
  const yaml = match[1] ?? '';
  const doc = parseDocument(yaml, YAML_OPTIONS);
  if (doc.errors.length > 0) throw new MergeError(`its front matter is not valid YAML (${doc.errors[0]?.message.split('\n')[0]}): fix the file first`);

  const { edits, changes } = planEdits(doc, incoming);
  const yamlStart = match[0].indexOf('\n') + 1;
  const newYaml = editFrontMatter(yaml, doc, edits);
  const head = match[1] === undefined ? `${text.slice(0, yamlStart)}${newYaml ? `${newYaml.replace(/\n$/, '')}\n` : ''}` : text.slice(0, yamlStart) + newYaml;
  const tail = text.slice(match[1] === undefined ? yamlStart : yamlStart + yaml.length, match[0].length);
  let body = text.slice(match[0].length);
  if (body.trim() === '' && incoming.abstract.trim() !== '') {
    body = `${match[0].endsWith('\n') ? '' : '\n'}\n${incoming.abstract.trim()}\n`;
    changes.filled.push('abstract');
  }
  const merged = head + tail + body;
  return { text: bom + (crlf ? merged.replace(/\n/g, '\r\n') : merged), changes: describe(changes) };
}

function planEdits(doc: ReturnType<typeof parseDocument>, incoming: Incoming) {
  const edits: FieldEdit[] = [];
  const changes = { upvotes: undefined as string | undefined, filled: [] as string[] };
  for (const field of IMPORT_FIELDS) {
    const value = incoming.fields[field];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    const current = findPair(doc, field)?.value as YamlNode | null | undefined;
    if (isEmptyNode(current)) {
      edits.push({ field, value });
      changes.filled.push(field);
    } else if (field === 'upvotes' && isScalar(current) && typeof current.value === 'number' && typeof value === 'number' && value > current.value) {
      edits.push({ field, value });
      changes.upvotes = `upvotes ${current.value} → ${value}`;
    }
  }
  return { edits, changes };
}

function describe(changes: { upvotes: string | undefined; filled: string[] }): string[] {
  return [...(changes.upvotes ? [changes.upvotes] : []), ...(changes.filled.length > 0 ? [`filled ${changes.filled.join(', ')}`] : [])];
}
