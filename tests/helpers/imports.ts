/**
 * Fixtures for the import tests: the response files in tests/fixtures/, factories for single
 * Hugging Face entries and small arXiv Atom feeds (fresh objects every call), and a real HTTP
 * server on 127.0.0.1 for fetches.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export const fixtures = path.resolve(import.meta.dirname, '../fixtures');

/** The text of a fixture file, e.g. `hf/2025-01-06.json`. */
export function fixture(name: string): string {
  return readFileSync(path.join(fixtures, name), 'utf8');
}

/** The HF fixture files, one per era of the API's schema. */
export const HF_FIXTURES = ['hf/2025-01-06.json', 'hf/2025-02-18.json', 'hf/2025-03-14.json', 'hf/2025-03-19.json', 'hf/2025-02-11-12.jsonl'];

type Json = Record<string, unknown>;

/** A copy of a real entry (late-March era) with `changes` applied to the entry and `paper` to its paper. */
export function hfEntry(paper: Json = {}, changes: Json = {}): Json {
  const entries = JSON.parse(fixture('hf/2025-03-19.json')) as Json[];
  const entry = entries[0] as Json;
  assign(entry.paper as Json, paper);
  assign(entry, changes);
  return entry;
}

/** Sets each key of `changes` on `target`; `undefined` removes the key. */
function assign(target: Json, changes: Json): void {
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete target[key];
    else target[key] = value;
  }
}

export interface AtomEntry {
  id: string;
  title?: string;
  summary?: string;
  authors?: string[];
  published?: string;
  primary?: string;
  categories?: string[];
  extra?: string;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A small arXiv API response with these entries, in the API's layout. */
export function atomFeed(entries: AtomEntry[], head = ''): string {
  const body = entries.map((e) => {
    const categories = e.categories ?? ['cs.LG'];
    return `  <entry>
    <id>http://arxiv.org/abs/${e.id}</id>
    <published>${e.published ?? '2025-06-02T17:59:59Z'}</published>
    <title>${escape(e.title ?? 'A Title')}</title>
    <summary>${escape(e.summary ?? '  An abstract.\n')}</summary>
${(e.authors ?? ['Ada Lovelace']).map((a) => `    <author><name>${escape(a)}</name></author>`).join('\n')}
    <link title="pdf" href="http://arxiv.org/pdf/${e.id}" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="${e.primary ?? categories[0]}" scheme="http://arxiv.org/schemas/atom"/>
${categories.map((c) => `    <category term="${c}" scheme="http://arxiv.org/schemas/atom"/>`).join('\n')}
${e.extra ?? ''}  </entry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n${head}${body.join('\n')}\n</feed>\n`;
}

export interface TestServer {
  url: string;
  close: () => Promise<void>;
}

/** Serves `handler` on 127.0.0.1 at a free port. */
export async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<TestServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
