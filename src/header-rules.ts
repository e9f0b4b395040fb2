/**
 * Netlify custom headers: `[[headers]]` tables of `netlify.toml` and the `_headers` file, matched
 * against a request path the way Netlify's tooling does (`:placeholder` = one segment, `*` = any
 * characters, case-insensitive, optional trailing slash), every matching rule applied in order.
 * Format: https://docs.netlify.com/manage/routing/headers/
 */
import type { Problem } from './problems.ts';

export interface HeaderRule {
  /** The path pattern, e.g. `/assets/*` or `/topics/*\/rss.xml`. */
  for: string;
  values: Record<string, string>;
  /** Where it was written, for messages. */
  source: string;
}

interface CompiledHeaderRule extends HeaderRule {
  pattern: RegExp;
}

export interface HeaderMatcher {
  /** The headers for a path: every matching rule in order, a later value replacing an earlier one. */
  headersFor(path: string): Record<string, string>;
  /** The rules whose pattern matches a path, in order. */
  rulesFor(path: string): HeaderRule[];
}

/** One header value as Netlify normalizes it: a list joins with `, `, and so do comma-separated parts. */
export function normalizeHeaderValue(value: string | string[]): string {
  const joined = Array.isArray(value) ? value.map((v) => v.trim()).join(', ') : value;
  return joined.trim().split(/\s*,\s*/).join(', ');
}

/** The regular expression of a `for` path, as in Netlify's headers parser. */
export function headerPattern(forPath: string): RegExp {
  const parts = forPath.trim().split('/').map((part) => part.trimEnd()).filter(Boolean);
  const source = parts
    .map((part) => {
      if (part.startsWith(':')) return '([^/]+)';
      if (part === '*') return '?(.*)';
      return part.split('*').map(escapeRegExp).join('(.*)');
    })
    .join('/');
  return new RegExp(`^/${source}/?$`, 'iu');
}

export function createHeaderMatcher(rules: HeaderRule[]): HeaderMatcher {
  const compiled: CompiledHeaderRule[] = rules.map((rule) => ({ ...rule, pattern: headerPattern(rule.for) }));
  const rulesFor = (path: string) => compiled.filter((rule) => rule.pattern.test(path));
  return {
    rulesFor,
    headersFor(path) {
      const byName = new Map<string, [string, string]>();
      for (const rule of rulesFor(path)) {
        for (const [name, value] of Object.entries(rule.values)) byName.set(name.toLowerCase(), [name, value]);
      }
      return Object.fromEntries(byName.values());
    },
  };
}

/** Parses a `_headers` file: a path on its own line, then indented `Name: value` lines. */
export function parseHeadersFile(text: string, file = '_headers'): { rules: HeaderRule[]; problems: Problem[] } {
  const rules: HeaderRule[] = [];
  const problems: Problem[] = [];
  let current: HeaderRule | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    if (line.startsWith('/') && !/^\s/.test(raw)) {
      current = { for: line, values: {}, source: `${file}:${index + 1}` };
      rules.push(current);
      return;
    }
    const colon = line.indexOf(':');
    if (!current || colon < 1) {
      problems.push({ severity: 'error', file, line: index + 1, message: 'expected a path line "/path" or an indented header line "Name: value"' });
      return;
    }
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    const previous = current.values[name];
    current.values[name] = normalizeHeaderValue(previous === undefined ? value : [previous, value]);
  });
  return { rules: rules.filter((rule) => Object.keys(rule.values).length > 0), problems };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
