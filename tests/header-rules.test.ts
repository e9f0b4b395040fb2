import { describe, expect, it } from 'vitest';
import { createHeaderMatcher, headerPattern, normalizeHeaderValue, parseHeadersFile, type HeaderRule } from '../src/header-rules.ts';

const rule = (forPath: string, values: Record<string, string>): HeaderRule => ({ for: forPath, values, source: 'test' });

describe('headerPattern', () => {
  it('matches paths the way Netlify\'s headers parser does', () => {
    const cases: [string, string, boolean][] = [
      ['/', '/', true],
      ['/', '/placeholder', false],
      ['/*', '/', true],
      ['/*', '/a/b/c.html', true],
      ['/static-path/*', '/static-path', true],
      ['/static-path/*', '/static-path/placeholder', true],
      ['/:placeholder/index.html', '/placeholder/index.html', true],
      ['/:placeholder/index.html', '/a/b/index.html', false],
      ['/*/_next/static/chunks/*', '/placeholder/_next/static/chunks/placeholder', true],
      ['/directory/*/test.html', '/directory/placeholder/test.html', true],
      ['/with-colon', '/with-colon', true],
      ['/pagefind/*.pf_index', '/pagefind/index/en_7a27cf3.pf_index', true],
      ['/pagefind/*.pf_index', '/pagefind/index/en_7a27cf3Xpf_index', false],
      ['/*.xsl', '/feeds/pretty.xsl', true],
      ['/Feed.JSON', '/feed.json', true],
      ['/feed.json', '/feed.json/', true],
    ];
    for (const [forPath, path, expected] of cases) expect({ forPath, path, match: headerPattern(forPath).test(path) }).toEqual({ forPath, path, match: expected });
  });
});

describe('createHeaderMatcher', () => {
  it('applies every matching rule in order, a later value replacing an earlier one', () => {
    const matcher = createHeaderMatcher([
      rule('/*', { 'X-Frame-Thing': 'SAMEORIGIN', 'Cache-Control': 'no-cache' }),
      rule('/assets/*', { 'cache-control': 'public, max-age=31536000, immutable' }),
    ]);
    expect(matcher.headersFor('/assets/main.css')).toEqual({ 'X-Frame-Thing': 'SAMEORIGIN', 'cache-control': 'public, max-age=31536000, immutable' });
    expect(matcher.headersFor('/index.html')).toEqual({ 'X-Frame-Thing': 'SAMEORIGIN', 'Cache-Control': 'no-cache' });
    expect(matcher.rulesFor('/assets/a.css').map((r) => r.for)).toEqual(['/*', '/assets/*']);
  });
});

describe('normalizeHeaderValue', () => {
  it('joins lists and comma-separated parts with ", " like Netlify', () => {
    expect(normalizeHeaderValue(['max-age=0', ' no-cache '])).toBe('max-age=0, no-cache');
    expect(normalizeHeaderValue('max-age=0,\n no-cache ,must-revalidate')).toBe('max-age=0, no-cache, must-revalidate');
    expect(normalizeHeaderValue("default-src 'self'; img-src data:")).toBe("default-src 'self'; img-src data:");
  });
});

describe('parseHeadersFile', () => {
  it('reads paths, indented headers, comments and repeated headers', () => {
    const { rules, problems } = parseHeadersFile(
      [
        '# a path:',
        '/templates/index.html',
        '  # headers for that path:',
        '  X-Frame-Options: DENY',
        '  X-XSS-Protection: 1; mode=block',
        '/*',
        '  cache-control: max-age=0',
        '  cache-control: no-cache',
        '  Link: <https://example.org/a>; rel=preload',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(rules.map((r) => [r.for, r.values])).toEqual([
      ['/templates/index.html', { 'X-Frame-Options': 'DENY', 'X-XSS-Protection': '1; mode=block' }],
      ['/*', { 'cache-control': 'max-age=0, no-cache', Link: '<https://example.org/a>; rel=preload' }],
    ]);
  });

  it('reports a header line before any path', () => {
    const { problems } = parseHeadersFile('  X-Orphan: yes\n/ok\n  A: b', 'site/_headers');
    expect(problems).toEqual([expect.objectContaining({ file: 'site/_headers', line: 1 })]);
  });
});
