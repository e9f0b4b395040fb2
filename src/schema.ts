/**
 * The content contract (DESIGN §1) as a zod schema: every front matter field, its type, its rules
 * and, for each way it can be wrong, a message that says how to fix it. Unknown fields are
 * reported with the nearest known name. Kept apart from file handling so the contract reads as one
 * table and the importers can validate the records they are about to write.
 */
import { z } from 'zod';
import { closest, distance } from 'fastest-levenshtein';
import { isCalendarDay } from './dates.ts';
import { parseArxivId } from './arxiv.ts';
import { foldWhitespace } from './text.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

type Issue = { input?: unknown };
const missingOr = (missing: string, wrong: string) => ({
  error: (issue: Issue) => (issue.input === undefined ? missing : wrong),
});

const text = (what: string, example: string) =>
  z
    .string(missingOr(`missing: add ${what}, e.g. ${example}`, `must be text, e.g. ${example}`))
    .transform(foldWhitespace)
    .refine((value) => value.length > 0, { error: `must not be empty: write ${what} or remove the line` });

const day = (what: string, example: string) =>
  z.string(missingOr(`missing: add ${what}, e.g. ${example}`, `must be a date written YYYY-MM-DD, e.g. ${example}`)).refine(isCalendarDay, {
    error: (issue) => `${JSON.stringify(issue.input)} is not a real calendar day written YYYY-MM-DD, e.g. ${example}`,
  });

const list = (what: string, example: string) =>
  z.array(
    z
      .string({ error: `must be text: write each ${what} as plain text` })
      .transform(foldWhitespace)
      .refine((value) => value.length > 0, { error: `is empty: remove the empty ${what}` }),
    { error: `must be a list: one "- ${example}" line per ${what}, or [${example}, …]` },
  );

const httpUrl = (example: string) =>
  z
    .string({ error: `must be an absolute http(s) URL, e.g. ${example}` })
    .trim()
    .refine(isHttpUrl, {
      error: (issue) => `${JSON.stringify(issue.input)} is not an absolute http(s) URL: write it in full, e.g. ${example}`,
    })
    .transform((value) => new URL(value).href);

/** An arXiv category (https://arxiv.org/category_taxonomy): `cs.LG`, `hep-th`, `cond-mat.mes-hall`. */
const ARXIV_CATEGORY = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[A-Za-z]+)*)?$/;

/** The front matter fields of a paper file; `null` values count as absent. */
export const paperFields = z.object({
  title: text('the title', 'title: "Attention Is All You Need"'),
  date: day('the listing day', 'date: 2025-03-11'),
  arxiv: z
    .string({ error: 'must be an arXiv id such as 2310.02970' })
    .refine((value) => parseArxivId(value) !== undefined, {
      error: (issue) =>
        `${JSON.stringify(issue.input)} is not an arXiv id: use the new form 2310.02970 (with a version: 2310.02970v3) or the old form hep-th/9901001`,
    })
    .optional(),
  category: z
    .string({ error: 'must be an arXiv category such as cs.LG' })
    .refine((value) => ARXIV_CATEGORY.test(value), {
      error: (issue) => `${JSON.stringify(issue.input)} is not an arXiv category: write the primary one, e.g. cs.LG, hep-th or astro-ph.GA`,
    })
    .optional(),
  authors: list('author', 'Ada Lovelace').default([]),
  topics: list('topic', 'federated learning').default([]),
  upvotes: z
    .int({ error: 'must be a whole number, e.g. upvotes: 12' })
    .min(0, { error: 'must be 0 or more' })
    .default(0),
  published: day('the first public date', 'published: 2023-10-04').optional(),
  venue: text('the venue', 'venue: ICLR 2024').optional(),
  code: httpUrl('https://github.com/owner/repo').optional(),
  project: httpUrl('https://project.example.org').optional(),
  pdf: httpUrl('https://arxiv.org/pdf/2310.02970').optional(),
  submitter: text('the submitter', 'submitter: akhaliq').optional(),
  draft: z.boolean({ error: 'must be true or false' }).default(false),
});

export type PaperFields = z.output<typeof paperFields>;
export const FIELD_NAMES = Object.keys(paperFields.shape) as (keyof PaperFields)[];
/** Fields whose values are text: YAML numbers or booleans there are read as the text written. */
export const TEXT_FIELDS = new Set(['title', 'date', 'arxiv', 'category', 'authors', 'topics', 'published', 'venue', 'submitter']);

export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A hint for an unknown field: the nearest known name, or the list of fields. */
export function suggestField(name: string): string {
  const lower = name.toLowerCase();
  const near = closest(lower, FIELD_NAMES);
  if (lower === 'abstract' || lower === 'summary' || lower === 'body') {
    return 'unknown field: the abstract is the text after the closing "---", not a field';
  }
  if (distance(lower, near) <= Math.max(2, Math.floor(near.length / 3))) {
    return `unknown field; did you mean "${near}"?`;
  }
  return `unknown field: the fields are ${FIELD_NAMES.join(', ')}`;
}

/** Validates front matter values: all problems at once, the parsed fields when there are none. */
export function validateFields(data: Record<string, unknown>): { fields?: PaperFields; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const known: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(data)) {
    if (!(FIELD_NAMES as string[]).includes(name)) problems.push({ field: name, message: suggestField(name) });
    else if (value !== null) known[name] = value;
  }
  const result = paperFields.safeParse(known);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [head, ...rest] = issue.path;
      const field = [String(head), ...rest.map((part) => (typeof part === 'number' ? `#${part + 1}` : String(part)))].join(' ');
      problems.push({ field, message: issue.message });
    }
  }
  return result.success && problems.length === 0 ? { fields: result.data, problems } : { problems };
}
