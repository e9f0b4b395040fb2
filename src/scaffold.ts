/**
 * A new, hand-written paper file (`npm run new`): every field of the contract is present, those
 * still empty carry a comment saying what goes there, and the body is left for the abstract. The
 * file is named by the arXiv id (`2310.02970.md`) or, for a paper without one, by a slug of its
 * title (`my-paper-title.md`), in the folder of its listing month. Once a title and an abstract are
 * written it passes the content contract as it is; an import for the same id fills the rest.
 */
import { parseArxivId } from './arxiv.ts';
import { paperFilePath } from './paper-files.ts';
import { renderInlineValue } from './paper-yaml.ts';

export interface ScaffoldSubject {
  /** The arXiv id as given (with its version, if any). */
  arxiv?: string;
  title?: string;
  /** The paper's id: the arXiv id without version, or the file-name slug. */
  id: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RESERVED = new Set(['date', 'week', 'month']);
const MAX_SLUG = 60;

const COMMENTS: Record<string, string> = {
  title: 'required: the title, e.g. "Attention Is All You Need"; inline TeX $...$ is fine',
  arxiv: 'the arXiv id, e.g. "2310.02970"; without one, the file name is the id',
  category: 'arXiv primary category, e.g. cs.LG',
  authors: 'one line "  - Ada Lovelace" per author, in order',
  topics: 'labels, e.g. [federated learning, NLP]',
  upvotes: 'the trending score, a whole number (0 when left empty)',
  published: 'first public date (arXiv v1), YYYY-MM-DD',
  venue: 'e.g. ICLR 2024',
  code: 'https://github.com/owner/repo',
  project: 'https://project.example.org',
  pdf: "an https URL; arXiv's PDF when left empty and arxiv is set",
  submitter: 'who suggested the paper',
  draft: 'true: only the dev server shows it',
};

/** Reads the command's argument: an arXiv id (also `arXiv:…` or an arxiv.org URL) or a title. */
export function readSubject(text: string, name?: string): ScaffoldSubject | { error: string } {
  const trimmed = text.trim();
  const bare = trimmed.replace(/^arxiv:\s*/i, '').replace(/^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i, '').replace(/\.pdf$/, '');
  const parsed = parseArxivId(bare);
  if (parsed) return { arxiv: bare, id: parsed.id };
  if (!trimmed) return { error: 'give an arXiv id (e.g. 2310.02970) or a title in quotes' };
  const slug = name ?? slugifyTitle(trimmed);
  if (!slug) return { error: `the title has no letters or digits usable in a file name: give one with --name my-paper-title` };
  if (!SLUG.test(slug)) return { error: `--name "${slug}" is not a lowercase slug like my-paper-title` };
  if (RESERVED.has(slug) || parseArxivId(slug)) return { error: `"${slug}" cannot be a file name here: give another with --name` };
  return { title: trimmed, id: slug };
}

/** `Attention Is All You Need!` → `attention-is-all-you-need`; accents folded, at most 60 characters at a word break. */
export function slugifyTitle(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_SLUG);
}

/** Where the new file goes. */
export function scaffoldPath(papersDir: string, subject: ScaffoldSubject, date: string): string {
  return paperFilePath(papersDir, subject.id, date);
}

/** The scaffold's text. */
export function renderScaffold(subject: ScaffoldSubject, date: string): string {
  const values: Record<string, string | undefined> = {
    title: subject.title !== undefined ? renderInlineValue('title', subject.title) : undefined,
    date,
    arxiv: subject.arxiv !== undefined ? renderInlineValue('arxiv', subject.arxiv) : undefined,
    draft: 'false',
  };
  const lines = ['title', 'date', 'arxiv', 'category', 'authors', 'topics', 'upvotes', 'published', 'venue', 'code', 'project', 'pdf', 'submitter', 'draft'].map((field) => {
    const value = values[field];
    const head = value === undefined ? `${field}:` : `${field}: ${value}`;
    const comment = value === undefined || field === 'draft' ? COMMENTS[field] : undefined;
    return comment ? `${head.padEnd(Math.max(head.length + 1, 18))}# ${comment}` : head;
  });
  return `---\n${lines.join('\n')}\n---\n\n`;
}
