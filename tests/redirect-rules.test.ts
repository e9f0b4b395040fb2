import { describe, expect, it } from 'vitest';
import { compileRule, parseRedirectsFile } from '../src/redirect-rules.ts';

describe('parseRedirectsFile', () => {
  it('reads the documented example file, ignoring comments and blank lines', () => {
    const { rules, problems } = parseRedirectsFile(
      [
        '# Redirects from what the browser requests to what we serve',
        '/home              /',
        '/blog/my-post.php  /blog/my-post',
        '',
        '/news              /blog',
        '/cuties            https://www.petsofnetlify.com',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(rules.map((r) => [r.from, r.to, r.status, r.force])).toEqual([
      ['/home', '/', 301, false],
      ['/blog/my-post.php', '/blog/my-post', 301, false],
      ['/news', '/blog', 301, false],
      ['/cuties', 'https://www.petsofnetlify.com', 301, false],
    ]);
    expect(rules[2]?.source).toBe('_redirects:5');
  });

  it('reads status codes, the force mark, query conditions and trailing comments', () => {
    const { rules } = parseRedirectsFile(
      [
        '/app/*  /app/index.html  200!',
        '/store  id=:id  /blog/:id  301   # old store links',
        '/articles id=:id tag=:tag /posts/:tag/:id 301',
        '/ecommerce  /store-closed  404',
        '/  /anz  302  Country=au,nz',
      ].join('\n'),
    );
    expect(rules[0]).toMatchObject({ status: 200, force: true, query: {} });
    expect(rules[1]).toMatchObject({ from: '/store', to: '/blog/:id', status: 301, query: { id: ':id' }, conditions: {} });
    expect(rules[2]?.query).toEqual({ id: ':id', tag: ':tag' });
    expect(rules[3]).toMatchObject({ status: 404, force: false });
    expect(rules[4]?.conditions).toEqual({ Country: 'au,nz' });
  });

  it('fills in the destination of a splat rewrite that leaves it out', () => {
    const { rules } = parseRedirectsFile('/app/*  200');
    expect(rules[0]).toMatchObject({ from: '/app/*', to: '/app/:splat', status: 200 });
  });

  it('reports every bad line with its number and keeps the good ones', () => {
    const { rules, problems } = parseRedirectsFile('/ok /fine\n/lonely\n/a b-not-a-path\n/x /y 30x\n/page 301', 'site/_redirects');
    expect(rules.map((r) => r.from)).toEqual(['/ok']);
    expect(problems.map((p) => [p.file, p.line])).toEqual([
      ['site/_redirects', 2],
      ['site/_redirects', 3],
      ['site/_redirects', 4],
      ['site/_redirects', 5],
    ]);
    expect(problems[0]?.message).toMatch(/no destination/);
    expect(problems[2]?.message).toMatch(/"30x" is not a status code/);
  });
});

describe('compileRule', () => {
  const compile = (from: string) => compileRule({ from, to: '/x', status: 301, force: false, query: {}, conditions: {}, source: 't' });

  it('turns placeholders into one non-empty segment and a final star into the rest', () => {
    const rule = compile('/news/:year/:month/*');
    expect(rule.placeholders).toEqual(['year', 'month']);
    expect(rule.hasSplat).toBe(true);
    expect(rule.pattern.exec('/news/2024/05/a/b')?.slice(1)).toEqual(['2024', '05', 'a/b']);
    expect(rule.pattern.test('/news//05/a')).toBe(false);
  });

  it('keeps the literal start of a rule for indexing, up to the first wildcard', () => {
    expect(compile('/abs/2310.02970v*').prefix).toBe('/abs/2310.02970v');
    expect(compile('/papers/:id/').prefix).toBe('/papers');
    expect(compile('/*').prefix).toBe('/');
  });

  it('reads the host of a domain-level rule', () => {
    const rule = compile('https://old.example.org/*');
    expect(rule.host).toBe('old.example.org');
    expect(rule.pattern.test('/any/path')).toBe(true);
  });

  it('treats regular-expression characters in paths as text', () => {
    const rule = compile('/blog/my-post.php');
    expect(rule.pattern.test('/blog/my-post.php')).toBe(true);
    expect(rule.pattern.test('/blog/my-postXphp')).toBe(false);
  });
});
