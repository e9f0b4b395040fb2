/**
 * How Netlify answers one request for a static site, as a pure function: the first matching
 * redirect rule wins; a rule that is not forced applies only when no file exists at the path
 * (shadowing); `/dir` with `dir/index.html` moves to `/dir/`; `/name` serves `name.html`; anything
 * else gets /404.html with status 404. Custom headers follow the request path; files without a
 * custom Cache-Control get Netlify's default (revalidate). The preview server is I/O around this.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { createHeaderMatcher, parseHeadersFile, type HeaderMatcher } from './header-rules.ts';
import type { NetlifyConfig } from './netlify-config.ts';
import type { Problem } from './problems.ts';
import { createRedirectEngine, type RedirectEngine, type RedirectMatch } from './redirect-engine.ts';
import { parseRedirectsFile } from './redirect-rules.ts';

export interface ServeRequest {
  method: string;
  /** The path as sent, percent-encoded. */
  path: string;
  /** The query string without `?`. */
  query: string;
  host?: string;
}

export interface ServeRules {
  redirects: RedirectEngine;
  headers: HeaderMatcher;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  /** The published file (relative to the publish folder) whose bytes are the body. */
  file?: string;
  /** A short text body when there is no file. */
  text?: string;
}

/**
 * The rules in Netlify's order: `_redirects` (from the publish folder) before `netlify.toml`'s
 * redirects; `_headers` before `netlify.toml`'s headers, which win where both set one header.
 */
export function createServeRules(config: NetlifyConfig, files: { redirects?: string; headers?: string } = {}): { rules: ServeRules; problems: Problem[] } {
  const redirectsFile = parseRedirectsFile(files.redirects ?? '');
  const headersFile = parseHeadersFile(files.headers ?? '');
  const redirects = createRedirectEngine([...redirectsFile.rules, ...config.redirects]);
  const problems = [...redirectsFile.problems, ...headersFile.problems];
  for (const rule of redirects.unsupported) {
    problems.push({ severity: 'warning', file: rule.source, message: `${rule.from}: conditions (${Object.keys(rule.conditions).join(', ')}) are not emulated; the rule never applies here` });
  }
  return { rules: { redirects, headers: createHeaderMatcher([...headersFile.rules, ...config.headers]) }, problems };
}

/** Netlify's Cache-Control for files without a custom one: browsers revalidate every time. */
export const DEFAULT_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=UTF-8', '.css': 'text/css; charset=UTF-8', '.js': 'application/javascript',
  '.mjs': 'application/javascript', '.json': 'application/json', '.xml': 'application/xml', '.xsl': 'application/xml',
  '.txt': 'text/plain; charset=UTF-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.webp': 'image/webp', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json', '.pdf': 'application/pdf',
};

/** Files Netlify reads as configuration and never publishes. */
const CONFIG_FILES = new Set(['_redirects', '_headers']);

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

type Found = { file: string } | { slash: string } | undefined;

/** The file a path is served from, with Netlify's pretty URLs; `isFile` takes a decoded relative path. */
export function findFile(urlPath: string, isFile: (file: string) => boolean): Found {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const parts = decoded.split('/').slice(1);
  if (parts.some((part) => part === '..' || part === '.' || part.includes('\0'))) return undefined;
  const relative = parts.join('/');
  if (CONFIG_FILES.has(relative)) return undefined;
  if (relative === '' || relative.endsWith('/')) {
    const index = `${relative}index.html`;
    return isFile(index) ? { file: index } : undefined;
  }
  if (isFile(relative)) return { file: relative };
  if (isFile(`${relative}.html`)) return { file: `${relative}.html` };
  if (isFile(`${relative}/index.html`)) return { slash: `${urlPath}/` };
  return undefined;
}

/** Answers one request against the published files and the rules. */
export function answer(request: ServeRequest, isFile: (file: string) => boolean, rules: ServeRules): Answer {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return { status: 405, headers: { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=UTF-8' }, text: 'Method Not Allowed' };
  }
  const match = rules.redirects.match({ path: request.path, query: request.query, ...(request.host ? { host: request.host } : {}) });
  const found = findFile(request.path, isFile);
  if (match && (match.force || !found)) return applyRule(match, request, isFile, rules);
  if (found && 'slash' in found) return redirect(301, withQuery(found.slash, request.query));
  if (found) return serveFile(found.file, 200, request.path, rules);
  return notFound(request.path, isFile, rules);
}

function applyRule(match: RedirectMatch, request: ServeRequest, isFile: (file: string) => boolean, rules: ServeRules): Answer {
  if (match.status >= 300 && match.status < 400) return redirect(match.status, match.location);
  if (match.external) {
    return { status: 502, headers: { 'Content-Type': 'text/plain; charset=UTF-8' }, text: `Proxying to ${match.target} is not emulated by the preview` };
  }
  const target = findFile(match.target.split('?')[0] as string, isFile);
  if (target && 'file' in target) return serveFile(target.file, match.status, request.path, rules);
  return notFound(request.path, isFile, rules);
}

function serveFile(file: string, status: number, requestPath: string, rules: ServeRules): Answer {
  const custom = rules.headers.headersFor(requestPath);
  const names = new Set(Object.keys(custom).map((name) => name.toLowerCase()));
  const headers: Record<string, string> = {};
  if (!names.has('content-type')) headers['Content-Type'] = contentTypeOf(file);
  if (!names.has('cache-control')) headers['Cache-Control'] = DEFAULT_CACHE_CONTROL;
  return { status, file, headers: { ...headers, ...custom } };
}

function notFound(requestPath: string, isFile: (file: string) => boolean, rules: ServeRules): Answer {
  if (isFile('404.html')) return serveFile('404.html', 404, requestPath, rules);
  return { status: 404, headers: { 'Content-Type': 'text/plain; charset=UTF-8', 'Cache-Control': DEFAULT_CACHE_CONTROL }, text: 'Not Found' };
}

function redirect(status: number, location: string): Answer {
  return { status, headers: { Location: location, 'Content-Type': 'text/plain; charset=UTF-8' }, text: `Redirecting to ${location}` };
}

function withQuery(location: string, query: string): string {
  return query ? `${location}?${query}` : location;
}

/** A strong ETag from a file's bytes, as Netlify sends for every file. */
export function etagOf(bytes: Uint8Array): string {
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
}

/** Whether an `If-None-Match` request header names this ETag (a 304 answer). */
export function isNotModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
}
