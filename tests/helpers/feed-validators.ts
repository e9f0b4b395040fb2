/**
 * Real validators for feeds: jing with the RFC 4287 RELAX NG schema (tests/fixtures, copied from
 * RFC 4287 Appendix B), Ajv with the JSON Feed 1.1 schema of `jsonfeed-schema`, and Debian's Python
 * feedparser (the parser behind many readers), run through tests/helpers/feedparser-check.py, and
 * Saxon-HE (Debian's libsaxonhe-java, which jing depends on) to apply the feeds' XSL stylesheet.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { root } from './site.ts';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const ATOM_RNC = path.join(root, 'tests/fixtures/atom-rfc4287.rnc');

/** jing's messages for Atom files checked against RFC 4287's RELAX NG schema (empty = valid). */
export async function atomSchemaProblems(files: string[]): Promise<string[]> {
  const result = await run('jing', ['-c', ATOM_RNC, ...files]).then(
    () => ({ stdout: '', stderr: '' }),
    (error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? String(error) }),
  );
  // Debian's jing wrapper warns about optional jars it cannot find; that is not about the files.
  return `${result.stdout}${result.stderr}`.split('\n').filter((line) => line.trim() && !/jing: Unable to locate/.test(line));
}

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => void;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateJsonFeed = ajv.compile(require('jsonfeed-schema/schema-v1.1.json') as object);

/** JSON Feed 1.1 schema errors for one parsed document (empty = valid). */
export function jsonFeedProblems(document: unknown): string[] {
  if (validateJsonFeed(document)) return [];
  return (validateJsonFeed.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
}

export interface FeedparserResult {
  file: string;
  bozo: boolean;
  bozoException: string | null;
  version: string;
  title: string;
  entries: { id: string; title: string; link: string; published: string | null; authors: string[]; tags: string[]; summary: string; content: string }[];
}

/** What Python's feedparser (Debian's, for /usr/bin/python3) reads in each file. */
export async function feedparserRead(files: string[]): Promise<FeedparserResult[]> {
  const script = path.join(root, 'tests/helpers/feedparser-check.py');
  const { stdout } = await run('/usr/bin/python3', [script, ...files], { maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(stdout) as FeedparserResult[];
}

const SAXON_JAR = '/usr/share/java/Saxon-HE.jar';

/** The result of applying the XSL stylesheet `xsl` to the XML file `xml`, with Saxon-HE. */
export async function transformXml(xml: string, xsl: string): Promise<string> {
  const { stdout } = await run('java', ['-cp', SAXON_JAR, 'net.sf.saxon.Transform', `-s:${xml}`, `-xsl:${xsl}`], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}
