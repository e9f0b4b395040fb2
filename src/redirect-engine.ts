/**
 * Matching a request against redirect rules the way Netlify does: rules in order, first match wins;
 * paths are case-sensitive and a trailing slash is ignored; `:placeholders` and `*` fill the
 * destination; query conditions must all be present; the request's query string is passed on when
 * the destination has none. Rules are indexed by their literal start, so a site with 300,000
 * per-paper rules still answers in microseconds.
 */
import { compileRule, literalPrefix, type CompiledRule, type RedirectRule } from './redirect-rules.ts';

export interface RedirectRequest {
  /** The path as requested, percent-encoded as sent (`/papers/hep-th/9901001v2/`). */
  path: string;
  /** The query string without `?` (may be empty). */
  query: string;
  /** The request's host, for domain-level rules. */
  host?: string;
}

export interface RedirectMatch {
  rule: CompiledRule;
  /** The destination with placeholders filled in. */
  target: string;
  /** The target with the request's query string passed on (when the target has none). */
  location: string;
  status: number;
  force: boolean;
  /** True when the destination is another site (absolute URL). */
  external: boolean;
}

export interface RedirectEngine {
  match(request: RedirectRequest): RedirectMatch | undefined;
  /** Rules that can never match here (conditions on country, language, role or cookies). */
  unsupported: CompiledRule[];
  size: number;
}

export function createRedirectEngine(rules: RedirectRule[]): RedirectEngine {
  const byPrefix = new Map<string, number[]>();
  const hasConditions = (rule: RedirectRule) => Object.keys(rule.conditions).length > 0;
  rules.forEach((rule, index) => {
    if (hasConditions(rule)) return;
    const prefix = literalPrefix(rule.from);
    const list = byPrefix.get(prefix);
    if (list) list.push(index);
    else byPrefix.set(prefix, [index]);
  });
  // Rules are compiled the first time a request could match them: most per-paper rules never are.
  const compiled: (CompiledRule | undefined)[] = [];
  const ruleAt = (index: number) => (compiled[index] ??= compileRule(rules[index] as RedirectRule));
  return {
    match: (request) => matchFirst(ruleAt, candidates(byPrefix, request.path), request),
    unsupported: rules.filter(hasConditions).map(compileRule),
    size: rules.length,
  };
}

/** Indexes of the rules whose literal start begins the path, in rule order. */
function candidates(byPrefix: Map<string, number[]>, path: string): number[] {
  const found: number[] = [];
  for (let end = 1; end <= path.length; end++) {
    const list = byPrefix.get(path.slice(0, end));
    if (list) found.push(...list);
  }
  return found.sort((a, b) => a - b);
}

function matchFirst(ruleAt: (index: number) => CompiledRule, indexes: number[], request: RedirectRequest): RedirectMatch | undefined {
  const params = new URLSearchParams(request.query);
  for (const index of indexes) {
    const rule = ruleAt(index);
    if (rule.host !== undefined && rule.host !== request.host) continue;
    const match = rule.pattern.exec(request.path);
    if (!match) continue;
    const values = queryValues(rule, params);
    if (!values) continue;
    const pathValues = rule.placeholders.map((name, i) => [name, match[i + 1] ?? ''] as [string, string]);
    const splat = rule.hasSplat ? (match[rule.placeholders.length + 1] ?? '') : undefined;
    const target = fillIn(rule.to, [...pathValues, ...values], splat);
    const location = withQuery(target, request.query);
    return { rule, target, location, status: rule.status, force: rule.force, external: /^https?:\/\//i.test(target) };
  }
  return undefined;
}

/** The values of a rule's query placeholders, or undefined when a required parameter is missing. */
function queryValues(rule: CompiledRule, params: URLSearchParams): [string, string][] | undefined {
  const values: [string, string][] = [];
  for (const [name, expected] of Object.entries(rule.query)) {
    const all = params.getAll(name);
    const actual = all.at(-1);
    if (actual === undefined) return undefined;
    if (expected.startsWith(':')) values.push([expected.slice(1), new URLSearchParams({ v: actual }).toString().slice(2)]);
    else if (actual !== expected) return undefined;
  }
  return values;
}

/** Netlify replaces each `:name` textually, placeholders in order, then `:splat`. */
function fillIn(to: string, values: [string, string][], splat: string | undefined): string {
  let result = to;
  for (const [name, value] of values) result = result.split(`:${name}`).join(value);
  return splat === undefined ? result : result.split(':splat').join(splat);
}

function withQuery(location: string, query: string): string {
  return query && !location.includes('?') ? `${location}?${query}` : location;
}
