/**
 * The topic index's sections: topics under the letter they start with (accents folded, so "Équité"
 * is under E), numbers under "0–9", and other scripts and symbols together at the end, each with an
 * id for the row of letters that jumps to it. A site with thousands of topics stays findable.
 */

export interface TopicSection<T> {
  /** `A`…`Z`, `0–9`, or `Other`. */
  heading: string;
  /** The fragment id of the section: `topics-a`, `topics-0-9`, `topics-other`. */
  id: string;
  topics: T[];
}

const OTHER = 'Other';
const DIGITS = '0–9';

/** The section a label belongs in, by its first character. */
export function sectionOf(label: string): string {
  const first = Array.from(label.trim().normalize('NFKD').replace(/\p{M}/gu, ''))[0] ?? '';
  if (/^[a-z]$/i.test(first)) return first.toUpperCase();
  if (/^\d$/.test(first)) return DIGITS;
  return OTHER;
}

function sectionId(heading: string): string {
  return `topics-${heading === DIGITS ? '0-9' : heading.toLowerCase()}`;
}

/** Groups topics (already in the index's order, which each section keeps) into sections: A–Z, then 0–9, then the rest. */
export function topicSections<T extends { label: string }>(topics: T[]): TopicSection<T>[] {
  const sections = new Map<string, T[]>();
  for (const topic of topics) {
    const heading = sectionOf(topic.label);
    sections.set(heading, [...(sections.get(heading) ?? []), topic]);
  }
  const rank = (heading: string) => (heading === OTHER ? 2 : heading === DIGITS ? 1 : 0);
  return [...sections.keys()]
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map((heading) => ({ heading, id: sectionId(heading), topics: sections.get(heading) as T[] }));
}
