/**
 * The site's own redirects (`_redirects`, src/site-redirects.ts) for the dev server, which serves
 * files only: the header's "This week" and "This month" lead to `/papers/week/latest` and
 * `/papers/month/latest`, which Netlify (and `npm run preview`) answer from `_redirects`; the dev
 * server answers them — and `/abs/<id>` and the other content redirects — the same way, through the
 * same rules and matcher.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRedirectEngine, type RedirectEngine, type RedirectMatch } from './redirect-engine.ts';
import { parseRedirectsFile } from './redirect-rules.ts';
import { formatRedirects, type RedirectLine } from './site-redirects.ts';

const engines = new WeakMap<RedirectLine[], RedirectEngine>();

/** Where the site's redirects send a request for `url` (path and query), if anywhere. */
export function siteRedirectFor(lines: RedirectLine[], url: string): RedirectMatch | undefined {
  let engine = engines.get(lines);
  if (!engine) engines.set(lines, (engine = createRedirectEngine(parseRedirectsFile(formatRedirects(lines)).rules)));
  const [pathname = '/', query = ''] = url.split(/\?(.*)/s);
  return engine.match({ path: pathname, query });
}

/**
 * Dev server middleware (Eleventy Dev Server's `middleware` option): answers a request the site's
 * redirects match with that redirect, and passes every other one on. `lines` is read per request,
 * so it follows rebuilds.
 */
export function siteRedirectMiddleware(lines: () => RedirectLine[] | undefined) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const current = lines();
    const found = current && req.url ? siteRedirectFor(current, req.url) : undefined;
    if (!found) return next();
    res.writeHead(found.status, { Location: found.location, 'Cache-Control': 'no-store' });
    res.end();
  };
}
