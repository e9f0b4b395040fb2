import { describe, expect, it } from 'vitest';
import { answer, contentTypeOf, createServeRules, DEFAULT_CACHE_CONTROL, etagOf, findFile, isNotModified } from '../src/netlify-serve.ts';
import { parseNetlifyConfig } from '../src/netlify-config.ts';

/** A published folder as a set of relative file names. */
const site = (...files: string[]) => {
  const set = new Set(files);
  return (file: string) => set.has(file);
};

const FILES = site('index.html', '404.html', 'about/index.html', 'contact.html', 'app/index.html', 'blog/post/index.html', 'assets/main.1234567890.css', '_redirects', 'tópico/index.html');

function rulesOf(toml: string, redirects = '', headers = '') {
  const { config, problems } = parseNetlifyConfig(toml);
  expect(problems).toEqual([]);
  return createServeRules(config, { redirects, headers }).rules;
}

const get = (url: string, rules = rulesOf(''), isFile = FILES, method = 'GET') => {
  const [path = '', query = ''] = url.split('?');
  return answer({ method, path, query }, isFile, rules);
};

describe('findFile', () => {
  it('serves folders by their index.html and names without .html', () => {
    expect(findFile('/', FILES)).toEqual({ file: 'index.html' });
    expect(findFile('/about/', FILES)).toEqual({ file: 'about/index.html' });
    expect(findFile('/contact', FILES)).toEqual({ file: 'contact.html' });
    expect(findFile('/t%C3%B3pico/', FILES)).toEqual({ file: 'tópico/index.html' });
  });

  it('moves a folder without its slash to the slash', () => {
    expect(findFile('/about', FILES)).toEqual({ slash: '/about/' });
  });

  it('never serves Netlify\'s configuration files or paths that climb out', () => {
    expect(findFile('/_redirects', FILES)).toBeUndefined();
    expect(findFile('/assets/../index.html', FILES)).toBeUndefined();
    expect(findFile('/%2e%2e/secret', FILES)).toBeUndefined();
    expect(findFile('/%E0%A4%A', FILES)).toBeUndefined();
  });
});

describe('answer', () => {
  it('serves a file with its type and Netlify\'s revalidating Cache-Control', () => {
    const result = get('/about/');
    expect(result).toMatchObject({ status: 200, file: 'about/index.html' });
    expect(result.headers).toEqual({ 'Content-Type': 'text/html; charset=UTF-8', 'Cache-Control': DEFAULT_CACHE_CONTROL });
  });

  it('redirects /about to /about/ keeping the query string', () => {
    expect(get('/about?ref=feed')).toMatchObject({ status: 301, headers: { Location: '/about/?ref=feed' } });
  });

  it('lets a file shadow a rule that is not forced, and a forced rule win over the file', () => {
    const rules = rulesOf('', '/about /elsewhere 301\n/contact /gone 302!\n/missing /about/ 301');
    expect(get('/about/', rules)).toMatchObject({ status: 200, file: 'about/index.html' });
    expect(get('/contact', rules)).toMatchObject({ status: 302, headers: { Location: '/gone' } });
    expect(get('/missing?x=1', rules)).toMatchObject({ status: 301, headers: { Location: '/about/?x=1' } });
  });

  it('rewrites with 200, keeping the headers of the requested path', () => {
    const rules = rulesOf('[[headers]]\nfor = "/app/*"\n[headers.values]\nX-App = "yes"\n', '/app/*  /app/index.html  200');
    const result = get('/app/settings/profile', rules);
    expect(result).toMatchObject({ status: 200, file: 'app/index.html', headers: { 'X-App': 'yes' } });
  });

  it('serves a custom 404 rule\'s page with status 404', () => {
    expect(get('/ecommerce', rulesOf('', '/ecommerce  /contact  404'))).toMatchObject({ status: 404, file: 'contact.html' });
  });

  it('answers unknown paths with /404.html and status 404, or a plain 404 without it', () => {
    expect(get('/no/such/page')).toMatchObject({ status: 404, file: '404.html' });
    expect(get('/no', rulesOf(''), site('index.html'))).toMatchObject({ status: 404, text: 'Not Found' });
  });

  it('falls back to 404 when a rewrite points at nothing', () => {
    expect(get('/x', rulesOf('', '/x /nothing 200'))).toMatchObject({ status: 404, file: '404.html' });
  });

  it('does not pretend to proxy to other sites', () => {
    expect(get('/api/x', rulesOf('', '/api/* https://api.example.org/:splat 200'))).toMatchObject({ status: 502 });
  });

  it('lets custom headers replace the content type and cache policy', () => {
    const rules = rulesOf('[[headers]]\nfor = "/assets/*"\n[headers.values]\nCache-Control = "public, max-age=31536000, immutable"\nContent-Type = "text/css; charset=utf-8"\n');
    expect(get('/assets/main.1234567890.css', rules).headers).toEqual({
      'Cache-Control': 'public, max-age=31536000, immutable', 'Content-Type': 'text/css; charset=utf-8',
    });
  });

  it('answers HEAD like GET and refuses other methods', () => {
    expect(get('/', rulesOf(''), FILES, 'HEAD')).toMatchObject({ status: 200, file: 'index.html' });
    expect(get('/', rulesOf(''), FILES, 'POST')).toMatchObject({ status: 405, headers: { Allow: 'GET, HEAD' } });
  });
});

describe('createServeRules', () => {
  it('applies _redirects before netlify.toml and lets netlify.toml win a header both set', () => {
    const { config } = parseNetlifyConfig('[[redirects]]\nfrom = "/a"\nto = "/from-toml"\n[[headers]]\nfor = "/*"\n[headers.values]\nX-Who = "toml"\n');
    const { rules, problems } = createServeRules(config, { redirects: '/a /from-file 302', headers: '/*\n  X-Who: file\n  X-Only-File: yes' });
    expect(problems).toEqual([]);
    expect(rules.redirects.match({ path: '/a', query: '' })?.location).toBe('/from-file');
    expect(rules.headers.headersFor('/')).toEqual({ 'X-Who': 'toml', 'X-Only-File': 'yes' });
  });

  it('warns about rules whose conditions it cannot evaluate', () => {
    const { config } = parseNetlifyConfig('');
    const { problems } = createServeRules(config, { redirects: '/ /fr 302 Language=fr' });
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/Language.*not emulated/) })]);
  });
});

describe('contentTypeOf, etagOf and isNotModified', () => {
  it('knows the types of the files the site publishes', () => {
    expect(contentTypeOf('a/b.woff2')).toBe('font/woff2');
    expect(contentTypeOf('wasm.en.pagefind')).toBe('application/octet-stream');
  });

  it('recognises a revalidation of the same bytes', () => {
    const etag = etagOf(new TextEncoder().encode('hello'));
    expect(etag).not.toBe(etagOf(new TextEncoder().encode('hello!')));
    expect(isNotModified(`"other", ${etag}`, etag)).toBe(true);
    expect(isNotModified(`W/${etag}`, etag)).toBe(true);
    expect(isNotModified('"other"', etag)).toBe(false);
    expect(isNotModified(undefined, etag)).toBe(false);
  });
});
