/**
 * Topics are free-text labels; this module decides when two labels are one topic (same slug), what
 * that topic is called (its most common spelling) and its slug, stable for any script: Latin accents
 * are folded, other scripts are kept as written, and a label with no letters at all gets a hash.
 */
import { createHash } from 'node:crypto';

const MAX_SLUG = 80;

/**
 * `Federated Learning`, `federated learning` and `Federated-Learning` → `federated-learning`;
 * `Équité` → `equite`; `機械学習` → `機械学習`; `🤖` → `topic-` + 8 hex digits.
 */
export function slugifyTopic(label: string): string {
  let slug = slugs.get(label);
  if (slug === undefined) {
    slug = computeSlug(label);
    if (slugs.size > 100_000) slugs.clear();
    slugs.set(label, slug);
  }
  return slug;
}

/** Slugs by label: a site has few distinct labels used many times. */
const slugs = new Map<string, string>();

function computeSlug(label: string): string {
  const folded = label
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\+/g, ' plus ')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const slug = Array.from(folded).slice(0, MAX_SLUG).join('').replace(/-+$/, '');
  if (/[\p{L}\p{N}]/u.test(slug)) return slug;
  return `topic-${createHash('sha256').update(label.normalize('NFC')).digest('hex').slice(0, 8)}`;
}

export interface Topic {
  slug: string;
  /** The most common spelling among the papers (ties: the first in code-point order). */
  label: string;
}

/** Names each slug by its most common spelling across all labels given. */
export function nameTopics(labels: Iterable<string>): Map<string, Topic> {
  const counts = new Map<string, Map<string, number>>();
  for (const label of labels) {
    const slug = slugifyTopic(label);
    const spellings = counts.get(slug) ?? new Map<string, number>();
    spellings.set(label, (spellings.get(label) ?? 0) + 1);
    counts.set(slug, spellings);
  }
  const topics = new Map<string, Topic>();
  for (const [slug, spellings] of counts) {
    const [label] = [...spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0] as [string, number];
    topics.set(slug, { slug, label });
  }
  return topics;
}

/** A paper's labels with duplicates (same slug) removed, first spelling kept, order kept. */
export function uniqueLabels(labels: string[]): string[] {
  const seen = new Set<string>();
  return labels.filter((label) => {
    const slug = slugifyTopic(label);
    if (seen.has(slug)) return false;
    seen.add(slug);
    return true;
  });
}
