import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHeaderMatcher } from '../src/header-rules.ts';
import { parseNetlifyConfig } from '../src/netlify-config.ts';
import { root } from './helpers/site.ts';

const { config, problems } = parseNetlifyConfig(readFileSync(path.join(root, 'netlify.toml'), 'utf8'));
const matcher = createHeaderMatcher(config.headers);
const IMMUTABLE = 'public, max-age=31536000, immutable';

interface PathClass {
  name: string;
  paths: string[];
  /** `immutable` for content-hashed files; `revalidate` leaves Netlify's revalidating default. */
  cache: 'immutable' | 'revalidate';
  /** A Content-Type netlify.toml must set; absent: Netlify's type for the extension. */
  type?: string;
  /** Whether other sites may read it (Access-Control-Allow-Origin: *). */
  cors?: boolean;
}

/** Every kind of path the site serves, with what netlify.toml must say about it. */
const PATH_CLASSES: PathClass[] = [
  {
    name: 'HTML pages', cache: 'revalidate',
    paths: ['/', '/papers/2310.02970/', '/papers/hep-th/9901001/', '/papers/date/2025-03-11/', '/papers/date/2025-03-11/page/2/',
      '/papers/week/2025-W11/', '/papers/month/2025-03/', '/topics/', '/topics/federated-learning/', '/topics/%E6%A9%9F%E6%A2%B0/',
      '/search/', '/feeds/', '/about/', '/404.html', '/no/such/page'],
  },
  { name: 'the hashed stylesheets', cache: 'immutable', paths: ['/assets/main.0123456789.css', '/assets/main-math.0123456789.css'] },
  { name: 'hashed scripts', cache: 'immutable', paths: ['/assets/search.0123456789.js', '/assets/js/copy-cite.a1b2c3d4e5.js'] },
  { name: 'KaTeX\'s versioned folder', cache: 'immutable', paths: ['/assets/katex-0.19.1/katex.min.css', '/assets/katex-0.19.1/fonts/KaTeX_Main-Regular.woff2'] },
  {
    name: 'Pagefind\'s hashed index files', cache: 'immutable',
    paths: ['/pagefind/pagefind.en_7bcf27e3a3.pf_meta', '/pagefind/index/en_7a27cf3.pf_index', '/pagefind/fragment/en_6d51288.pf_fragment', '/pagefind/filter/en_1a2b3c4.pf_filter'],
  },
  {
    name: 'Pagefind\'s unhashed entry points', cache: 'revalidate',
    paths: ['/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/pagefind-worker.js', '/pagefind/pagefind-ui.js', '/pagefind/pagefind-ui.css',
      '/pagefind/pagefind-modular-ui.js', '/pagefind/pagefind-component-ui.js', '/pagefind/pagefind-highlight.js', '/pagefind/wasm.en.pagefind', '/pagefind/wasm.unknown.pagefind'],
  },
  {
    name: 'RSS and Atom feeds', cache: 'revalidate', type: 'application/xml; charset=utf-8', cors: true,
    paths: ['/rss.xml', '/atom.xml', '/topics/federated-learning/rss.xml', '/topics/federated-learning/atom.xml', '/topics/%E6%A9%9F%E6%A2%B0/rss.xml'],
  },
  { name: 'JSON feeds', cache: 'revalidate', type: 'application/feed+json; charset=utf-8', cors: true, paths: ['/feed.json', '/topics/nlp/feed.json'] },
  { name: 'the OPML feed list', cache: 'revalidate', type: 'text/x-opml; charset=utf-8', cors: true, paths: ['/feeds.opml'] },
  { name: 'feed stylesheets (XSL)', cache: 'revalidate', type: 'text/xsl; charset=utf-8', paths: ['/feeds/pretty-feed.xsl', '/rss.xsl'] },
  {
    name: 'BibTeX', cache: 'revalidate', type: 'application/x-bibtex; charset=utf-8', cors: true,
    paths: ['/papers/2310.02970/cite.bib', '/papers/hep-th/9901001/cite.bib', '/papers/date/2025-03-11/papers.bib'],
  },
  {
    name: 'the JSON API', cache: 'revalidate', type: 'application/json; charset=utf-8', cors: true,
    paths: ['/api/papers/2310.02970.json', '/api/papers/hep-th/9901001.json', '/api/daily_papers/2025-03-11.json', '/api/daily_papers/latest.json'],
  },
  { name: 'the sitemap', cache: 'revalidate', type: 'application/xml; charset=utf-8', paths: ['/sitemap.xml'] },
  { name: 'robots.txt', cache: 'revalidate', paths: ['/robots.txt'] },
  { name: 'the web app manifest', cache: 'revalidate', type: 'application/manifest+json; charset=utf-8', paths: ['/manifest.webmanifest'] },
  { name: 'icons', cache: 'revalidate', paths: ['/favicon.svg', '/favicon.ico', '/icon-192.png', '/icon-maskable-512.png', '/apple-touch-icon.png'] },
];

const header = (headers: Record<string, string>, name: string) =>
  Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...values]) => [name as string, values]));
}

describe('netlify.toml', () => {
  it('is valid TOML in the shape Netlify reads', () => {
    expect(problems).toEqual([]);
  });

  it('builds with npm run build and publishes _site', () => {
    expect(config.build.command).toBe('npm run build');
    expect(config.build.publish).toBe('_site');
  });

  it('asks for the Node.js major version that .nvmrc and package.json "engines" ask for', () => {
    const nvmrc = readFileSync(path.join(root, '.nvmrc'), 'utf8').trim();
    const engines = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(config.build.environment.NODE_VERSION).toBe(nvmrc);
    expect(engines).toMatch(new RegExp(`^\\^${nvmrc}\\.\\d+\\.\\d+$`));
    expect(process.versions.node.split('.')[0]).toBe(nvmrc);
  });

  it('gives Node room for a large site\'s data on an 8 GB build machine, where its default heap limit is 2 GB', () => {
    const options = String(config.build.environment.NODE_OPTIONS);
    expect(options).toMatch(/^--max-old-space-size=\d+$/);
    expect(Number(options.split('=')[1])).toBeGreaterThanOrEqual(4096);
  });

  it('runs the local render-cache plugin, which exists', () => {
    expect(config.plugins.map((p) => p.package)).toContain('./netlify/plugins/render-cache');
    for (const file of ['manifest.yml', 'index.js']) expect(existsSync(path.join(root, 'netlify/plugins/render-cache', file))).toBe(true);
  });
});

describe('headers for every path class', () => {
  it('send the full set of security headers on every path', () => {
    for (const { paths } of PATH_CLASSES) {
      for (const p of paths) {
        const headers = matcher.headersFor(p);
        expect({ p, nosniff: header(headers, 'X-Content-Type-Options') }).toEqual({ p, nosniff: 'nosniff' });
        expect({ p, referrer: header(headers, 'Referrer-Policy') }).toEqual({ p, referrer: 'strict-origin-when-cross-origin' });
        expect({ p, coop: header(headers, 'Cross-Origin-Opener-Policy') }).toEqual({ p, coop: 'same-origin' });
        expect(header(headers, 'Permissions-Policy')).toMatch(/(^|, )camera=\(\)(, |$)/);
        expect(header(headers, 'Content-Security-Policy')).toBeDefined();
      }
    }
  });

  it('send a strict Content-Security-Policy that still lets search, math and feed styles work', () => {
    const csp = directives(header(matcher.headersFor('/'), 'Content-Security-Policy') as string);
    expect(Object.fromEntries(csp)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'", "'wasm-unsafe-eval'"],
      'worker-src': ["'self'", 'blob:'],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('cache content-hashed files for a year and let everything else revalidate', () => {
    for (const { name, paths, cache } of PATH_CLASSES) {
      for (const p of paths) {
        const value = header(matcher.headersFor(p), 'Cache-Control');
        expect({ name, p, value }).toEqual({ name, p, value: cache === 'immutable' ? IMMUTABLE : undefined });
      }
    }
  });

  it('set the content type and CORS of feeds, citations and the API', () => {
    for (const { name, paths, type, cors } of PATH_CLASSES) {
      for (const p of paths) {
        const headers = matcher.headersFor(p);
        expect({ name, p, type: header(headers, 'Content-Type'), cors: header(headers, 'Access-Control-Allow-Origin') }).toEqual({
          name, p, type, cors: cors ? '*' : undefined,
        });
      }
    }
  });

  it('never set one header from two rules that match the same path', () => {
    for (const { paths } of PATH_CLASSES) {
      for (const p of paths) {
        const names = matcher.rulesFor(p).flatMap((rule) => Object.keys(rule.values).map((n) => n.toLowerCase()));
        expect({ p, duplicates: names.filter((n, i) => names.indexOf(n) !== i) }).toEqual({ p, duplicates: [] });
      }
    }
  });
});

describe('parseNetlifyConfig', () => {
  it('names the line of a TOML syntax error', () => {
    const { problems: found } = parseNetlifyConfig('[build]\ncommand = "npm run build\n', 'x.toml');
    expect(found).toEqual([expect.objectContaining({ file: 'x.toml', line: 2, message: expect.stringMatching(/not valid TOML/) })]);
  });

  it('names the field of a rule in the wrong shape', () => {
    const { problems: found } = parseNetlifyConfig('[[redirects]]\nfrom = "/a"\nstatus = "301"\n');
    expect(found).toEqual([expect.objectContaining({ field: 'redirects.0.status' })]);
  });

  it('reads redirects with Netlify\'s defaults and normalizes header lists', () => {
    const { config: parsed } = parseNetlifyConfig(
      '[[redirects]]\nfrom = "/app/*"\nstatus = 200\n[[redirects]]\nfrom = "/a"\nto = "/b"\nforce = true\nconditions = {Country = ["US", "CA"]}\n' +
        '[[headers]]\nfor = "/*"\n[headers.values]\nCache-Control = ["max-age=0", "no-cache"]\n',
    );
    expect(parsed.redirects.map((r) => [r.from, r.to, r.status, r.force, r.conditions])).toEqual([
      ['/app/*', '/app/:splat', 200, false, {}],
      ['/a', '/b', 301, true, { Country: 'US,CA' }],
    ]);
    expect(parsed.headers[0]?.values).toEqual({ 'Cache-Control': 'max-age=0, no-cache' });
  });
});
