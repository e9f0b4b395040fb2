/**
 * Reads an arXiv API response (`export.arxiv.org/api/query`: Atom 1.0, RFC 4287, with arXiv's
 * extension elements, https://info.arxiv.org/help/api/user-manual.html) into import records. The
 * XML is parsed by a real, namespace-aware parser (@xmldom/xmldom), so prefixes, entities and
 * character references are handled as XML defines them. arXiv's error responses (one entry titled
 * "Error") and non-Atom bodies ("Rate exceeded.") fail the whole source with arXiv's own message.
 */
import { DOMParser, onErrorStopParsing, type Element } from '@xmldom/xmldom';
import { parseArxivId } from './arxiv.ts';
import { categoryLabel } from './arxiv-categories.ts';
import { dayOfInstant, present, SourceError, unwrapAbstract, type ImportRecord, type SourceEntries } from './import-record.ts';
import { foldWhitespace } from './text.ts';

export interface ArxivOptions {
  /** The listing day for every entry (`--date`); otherwise the day of the paper's first version. */
  date?: string;
}

const ATOM = 'http://www.w3.org/2005/Atom';
const ARXIV = 'http://arxiv.org/schemas/atom';
const OPENSEARCH = 'http://a9.com/-/spec/opensearch/1.1/';
const ABS_URL = /^https?:\/\/(?:export\.)?arxiv\.org\/abs\/(.+)$/;
/** arXiv categories are `archive` or `archive.Subject`; ACM (`I.2.7`) and MSC (`68T05`) classes are not. */
const CATEGORY_SHAPE = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[A-Za-z]+)*)?$/;

const children = (parent: Element, ns: string, name: string): Element[] =>
  Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === name);
const textOf = (parent: Element, ns: string, name: string): string | undefined => children(parent, ns, name)[0]?.textContent ?? undefined;

/** Parses an Atom document from the arXiv API into records, one per entry. */
export function parseArxivFeed(xml: string, options: ArxivOptions = {}): SourceEntries {
  const feed = parseFeed(xml);
  const entries = children(feed, ATOM, 'entry');
  const error = entries.find((entry) => (textOf(entry, ATOM, 'id') ?? '').includes('arxiv.org/api/errors'));
  if (error) throw new SourceError(`the arXiv API answered with an error: ${foldWhitespace(textOf(error, ATOM, 'summary') ?? 'no details')}`);
  const records = entries.map((entry, i) => toRecord(entry, `entry ${i + 1}`, options));
  return { records, problems: [], notes: pagingNotes(feed, entries.length) };
}

function parseFeed(xml: string): Element {
  let root: Element | null;
  try {
    root = new DOMParser({ onError: onErrorStopParsing }).parseFromString(xml, 'application/xml').documentElement;
  } catch (error) {
    const start = foldWhitespace(xml.slice(0, 60));
    throw new SourceError(`the response is not well-formed XML (${(error as Error).message.split('\n')[0]}); it starts with "${start}"`);
  }
  if (!root || root.namespaceURI !== ATOM || root.localName !== 'feed') {
    throw new SourceError(`the response is not an Atom feed (its root element is <${root?.nodeName ?? 'none'}>): expected an arXiv API response`);
  }
  return root;
}

/** A note when the response is one page of a longer result list. */
function pagingNotes(feed: Element, count: number): string[] {
  const total = Number(textOf(feed, OPENSEARCH, 'totalResults'));
  const start = Number(textOf(feed, OPENSEARCH, 'startIndex') ?? 0);
  if (!Number.isInteger(total) || total <= start + count) return [];
  return [`the response holds results ${start + 1}–${start + count} of ${total}: fetch the next page with start=${start + count}`];
}

function toRecord(entry: Element, position: string, options: ArxivOptions): ImportRecord {
  const versioned = ABS_URL.exec((textOf(entry, ATOM, 'id') ?? '').trim())?.[1];
  const parsed = versioned ? parseArxivId(versioned) : undefined;
  const categories = children(entry, ATOM, 'category').map((c) => c.getAttribute('term') ?? '');
  const primary = children(entry, ARXIV, 'primary_category')[0]?.getAttribute('term') ?? categories[0];
  const fields: ImportRecord['fields'] = {
    title: present(foldWhitespace(textOf(entry, ATOM, 'title') ?? '')),
    date: options.date ?? dayOfInstant(textOf(entry, ATOM, 'published')),
    arxiv: versioned ?? present(textOf(entry, ATOM, 'id')),
    category: present(primary),
    authors: children(entry, ATOM, 'author').map((a) => foldWhitespace(textOf(a, ATOM, 'name') ?? '')).filter(Boolean),
    topics: topicsOf(primary ? [primary, ...categories] : categories),
    published: dayOfInstant(textOf(entry, ATOM, 'published')),
    venue: present(foldWhitespace(textOf(entry, ARXIV, 'journal_ref') ?? '')),
    pdf: pdfOf(entry) ?? (parsed ? `https://arxiv.org/pdf/${versioned}` : undefined),
  };
  return { position, ...(versioned ? { label: versioned } : {}), fields, abstract: unwrapAbstract(textOf(entry, ATOM, 'summary') ?? '') };
}

/** A readable label per category, primary first, each once; classes that are not arXiv categories are left out. */
function topicsOf(categories: string[]): string[] {
  const labels = categories.map((c) => categoryLabel(c) ?? (CATEGORY_SHAPE.test(c) && categoryLabel(c.split('.')[0] as string) ? c : undefined));
  return [...new Set(labels.filter((label): label is string => label !== undefined))];
}

/** The entry's PDF link, on https (the API still writes some links as http). */
function pdfOf(entry: Element): string | undefined {
  const link = children(entry, ATOM, 'link').find((l) => l.getAttribute('title') === 'pdf' || l.getAttribute('type') === 'application/pdf');
  const href = link?.getAttribute('href')?.trim();
  return href ? href.replace(/^http:\/\/(export\.)?arxiv\.org\//, 'https://arxiv.org/') : undefined;
}
