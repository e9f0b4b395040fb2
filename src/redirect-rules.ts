/**
 * Netlify redirect rules as data: the `_redirects` file format and `[[redirects]]` tables of
 * `netlify.toml`, read into one rule type with a problem per bad line, then compiled into matchers
 * that behave like Netlify's own engine (checked against it in tests/redirect-engine.test.ts).
 * Kept apart from matching (./redirect-engine.ts) so both sources share one validated shape.
 * Format: https://docs.netlify.com/manage/routing/redirects/overview/
 */
import type { Problem } from './problems.ts';

export interface RedirectRule {
  /** A path pattern (`/news/:year/*`) or, for domain-level rules, an absolute URL. */
  from: string;
  /** A path or absolute URL; may hold `:placeholders` and `:splat`. */
  to: string;
  /** 200 rewrites, 3xx redirects, 404/410/451 serve `to` with that status; 301 when not given. */
  status: number;
  /** A forced rule applies even when a file exists at `from` (shadowing). */
  force: boolean;
  /** Query parameters the request must have: name → literal value or `:placeholder`. */
  query: Record<string, string>;
  /** Country, Language, Role, Cookie conditions: not emulated, so such a rule never matches here. */
  conditions: Record<string, string>;
  /** Where the rule was written, for messages: `_redirects:12` or `netlify.toml [[redirects]] #3`. */
  source: string;
}

/** A rule compiled for matching. */
export interface CompiledRule extends RedirectRule {
  /** Matches the request path; groups are the placeholders in order, then the splat. */
  pattern: RegExp;
  placeholders: string[];
  hasSplat: boolean;
  /** The literal start of `from`, for indexing: a request must start with it to match. */
  prefix: string;
  /** Host of a domain-level rule (`https://example.org/*`), else undefined. */
  host?: string;
}

export interface ParsedRules {
  rules: RedirectRule[];
  problems: Problem[];
}

const isUrl = (text: string) => /^https?:\/\//i.test(text);
const isStatus = (text: string | undefined) => text !== undefined && /^\d{3}!?$/.test(text);

/** Parses a `_redirects` file: `from [query…] to [status[!]] [conditions…]`, `#` comments. */
export function parseRedirectsFile(text: string, file = '_redirects'): ParsedRules {
  const rules: RedirectRule[] = [];
  const problems: Problem[] = [];
  text.split('\n').forEach((raw, index) => {
    const tokens = raw.trim().split(/\s+/).filter(Boolean);
    const comment = tokens.findIndex((token) => token.startsWith('#'));
    const parts = comment === -1 ? tokens : tokens.slice(0, comment);
    if (parts.length === 0) return;
    const result = parseLine(parts, `${file}:${index + 1}`);
    if (typeof result === 'string') problems.push({ severity: 'error', file, line: index + 1, message: result });
    else rules.push(result);
  });
  return { rules, problems };
}

function parseLine([from, ...parts]: string[], source: string): RedirectRule | string {
  if (parts.length === 0) return `"${from}" has no destination: write "from to [status]"`;
  if (isStatus(parts[0])) return forwardRule(from as string, parts, source);
  const toIndex = parts.findIndex((part) => part.startsWith('/') || isUrl(part));
  if (toIndex === -1) return 'the destination must start with "/", "http://" or "https://"';
  const [statusPart, ...conditionParts] = parts.slice(toIndex + 1);
  if (statusPart !== undefined && !isStatus(statusPart)) return `"${statusPart}" is not a status code such as 301 or 200!`;
  return {
    from: from as string,
    to: parts[toIndex] as string,
    status: statusPart ? Number.parseInt(statusPart, 10) : 301,
    force: statusPart?.endsWith('!') ?? false,
    query: pairs(parts.slice(0, toIndex)),
    conditions: pairs(conditionParts),
    source,
  };
}

/** `/app/* 200` keeps the path: only splat rules with a 2xx status may leave out the destination. */
function forwardRule(from: string, [statusPart, ...conditionParts]: string[], source: string): RedirectRule | string {
  const status = Number.parseInt(statusPart as string, 10);
  if (!from.endsWith('/*') || status < 200 || status > 299) return `"${from}" has no destination: only "/path/* 200" may leave it out`;
  const to = `${from.slice(0, -2)}/:splat`;
  return { from, to, status, force: (statusPart as string).endsWith('!'), query: {}, conditions: pairs(conditionParts), source };
}

function pairs(parts: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of parts) {
    const [key = '', value = ''] = part.split('=');
    result[key] = value;
  }
  return result;
}

/**
 * The literal start of a rule's path, up to its first placeholder or star: a request path must
 * begin with it to match, which lets the engine index rules without compiling them all.
 */
export function literalPrefix(from: string): string {
  const path = isUrl(from) ? pathOf(from) : from;
  const wildcard = path.search(/\/:|\*/);
  const prefix = wildcard === -1 ? path : path.slice(0, wildcard);
  const trimmed = prefix.length > 1 && prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  return trimmed || '/';
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** Compiles a rule's `from` like Netlify: `:name` is one non-empty segment, `*` at a segment's end the rest. */
export function compileRule(rule: RedirectRule): CompiledRule {
  let path = rule.from;
  let host: string | undefined;
  if (isUrl(path)) {
    const url = new URL(path);
    host = url.host;
    path = url.pathname;
  }
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  const placeholders: string[] = [];
  let hasSplat = false;
  let source = '';
  const segments = path.split('/').slice(1);
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment.startsWith(':')) {
      placeholders.push(segment.slice(1));
      source += '/([^/]+)';
    } else if (segment === '*' && !hasSplat) {
      hasSplat = true;
      source += '(?:/(.*))?';
    } else if (segment.endsWith('*') && last && !hasSplat) {
      hasSplat = true;
      source += `/${escapeRegExp(segment.slice(0, -1))}(.*)`;
    } else {
      source += `/${escapeRegExp(segment)}`;
    }
  });
  const pattern = new RegExp(`^${source}/?$`);
  return { ...rule, pattern, placeholders, hasSplat, prefix: literalPrefix(rule.from), ...(host ? { host } : {}) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
