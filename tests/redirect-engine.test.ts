import redirector from 'netlify-redirector';
import { describe, expect, it } from 'vitest';
import { createRedirectEngine } from '../src/redirect-engine.ts';
import { parseRedirectsFile } from '../src/redirect-rules.ts';

const engineOf = (text: string) => createRedirectEngine(parseRedirectsFile(text).rules);
const go = (text: string, url: string) => {
  const [path = '', query = ''] = url.split('?');
  return engineOf(text).match({ path, query });
};

describe('the redirect engine on Netlify\'s documented examples', () => {
  it('uses the first rule that matches', () => {
    const rules = '/news /blog 301\n/news /elsewhere 302';
    expect(go(rules, '/news')).toMatchObject({ location: '/blog', status: 301 });
  });

  it('moves a splat into the destination', () => {
    expect(go('/news/*  /blog/:splat', '/news/2004/01/10/my-story')?.location).toBe('/blog/2004/01/10/my-story');
  });

  it('fills placeholders from path segments', () => {
    const rules = '/news/:year/:month/:date/:slug  /blog/:year/:month/:date/:slug';
    expect(go(rules, '/news/2024/02/12/my-story')?.location).toBe('/blog/2024/02/12/my-story');
    expect(go(rules, '/news/2024/02/my-story')).toBeUndefined();
  });

  it('matches query parameters and fills their placeholders', () => {
    const rules = '/store id=:id /blog/:id 301\n/articles id=:id tag=:tag /posts/:tag/:id 301';
    expect(go(rules, '/store?id=my-blog-post')?.target).toBe('/blog/my-blog-post');
    expect(go(rules, '/store')).toBeUndefined();
    expect(go(rules, '/articles?tag=netlify&id=7')?.target).toBe('/posts/netlify/7');
    expect(go(rules, '/articles?id=7')).toBeUndefined();
  });

  it('passes the query string on to a destination that has none', () => {
    expect(go('/old /new 301', '/old?utm=feed&x=1')?.location).toBe('/new?utm=feed&x=1');
    expect(go('/old /new?from=old 301', '/old?utm=feed')?.location).toBe('/new?from=old');
  });

  it('ignores a trailing slash on either side and is case-sensitive', () => {
    expect(go('/about/ /team', '/about')?.location).toBe('/team');
    expect(go('/about /team', '/about/')?.location).toBe('/team');
    expect(go('/about /team', '/About')).toBeUndefined();
  });

  it('keeps status codes and the force mark of rewrites, redirects and custom 404s', () => {
    const rules = '/pass-through /index.html 200\n/app/* /app/index.html 200!\n/ecommerce /store-closed 404\n/temp /x 302';
    expect(go(rules, '/pass-through')).toMatchObject({ status: 200, force: false });
    expect(go(rules, '/app/settings/profile')).toMatchObject({ status: 200, force: true, location: '/app/index.html' });
    expect(go(rules, '/ecommerce')).toMatchObject({ status: 404 });
    expect(go(rules, '/temp')).toMatchObject({ status: 302 });
  });

  it('tells external destinations apart', () => {
    expect(go('/cuties https://www.petsofnetlify.com', '/cuties')).toMatchObject({ external: true, status: 301 });
  });

  it('sets aside rules with conditions it cannot evaluate', () => {
    const engine = engineOf('/ /anz 302 Country=au,nz\n/ /home 301');
    expect(engine.unsupported.map((r) => r.to)).toEqual(['/anz']);
    expect(engine.match({ path: '/', query: '' })?.location).toBe('/home');
  });

  it('finds one paper\'s rule among 300,000 through its index', () => {
    const lines: string[] = [];
    for (let i = 0; i < 150_000; i++) {
      const id = `25${String(1 + (i % 12)).padStart(2, '0')}.${String(i).padStart(5, '0')}`;
      lines.push(`/abs/${id}* /papers/${id}/ 301!`, `/papers/${id}v* /papers/${id}/ 301!`);
    }
    const engine = engineOf(lines.join('\n'));
    expect(engine.size).toBe(300_000);
    expect(engine.match({ path: '/papers/2510.12345v4/', query: '' })?.location).toBe('/papers/2510.12345/');
    expect(engine.match({ path: '/papers/2510.12345/', query: '' })).toBeUndefined();
  });
});

/** Netlify's own matcher (libredirect compiled to WebAssembly), for comparing answers. */
async function oracle(rules: string) {
  const matcher = await redirector.parsePlain(rules, {});
  return (url: string) => {
    const [path = '', query = ''] = url.split('?');
    const found = matcher.match({ scheme: 'https', host: 'paperfeed.netlify.app', path, query, getHeader: () => '', getCookie: () => '' });
    return found ? { from: found.from, target: found.to, status: found.status, force: found.force } : undefined;
  };
}

const EDGE_RULES = [
  '/abs/2310.02970v*  /papers/2310.02970/  301!',
  '/pdf/2310.02970v*  https://arxiv.org/pdf/2310.02970v:splat  302',
  '/papers/hep-th/9901001v*  /papers/hep-th/9901001/  301',
  '/q/*/z  /r2/:splat  301',
  '/a*  /r3/:splat  301',
  '/b/*v1  /r1  301',
  '/news/*  /blog/:splat',
  '/m/:x/*  /r6/:x/:splat  301',
  '/u/:q  /v/:q-x/:qq  302',
  '/w/:a/:ab  /x/:ab/:a  301',
  '/e/  /r7  307',
  '/store id=:id  /blog/:id  301',
  '/shop id=5  /five  301',
  '/p/:id  /papers/:id/  301',
  '/p/:archive/:number  /papers/:archive/:number/  301',
  '/app/*  200',
  '/blog/my-post.php  /blog/my-post  301',
  '/authors/c%C3%A9line  /authors/about  301',
].join('\n');

const EDGE_PATHS = [
  '/abs/2310.02970v3', '/abs/2310.02970v3/', '/abs/2310.02970', '/abs/2310.029701', '/pdf/2310.02970v12', '/pdf/2310.02970v2/',
  '/papers/hep-th/9901001v2/', '/papers/hep-th/9901001/', '/q/z', '/q//z', '/q/a/z/', '/q/a/b/z', '/abc/def', '/a', '/A',
  '/b/xv1', '/b/*v1', '/news', '/news/', '/news/a/', '/news/a//b', '/newsletter', '/m/x', '/m/x/', '/m/x/y/z', '/u/1', '/w/1/2',
  '/e', '/e/', '/e//', '/store?id=4', '/store?id=', '/store?ID=4', '/store', '/shop?id=5', '/shop?id=6', '/p/2310.02970',
  '/p/hep-th/9901001', '/p/a/b/c', '/app', '/app/x/y', '/blog/my-post.php', '/blog/my-postXphp', '/authors/c%C3%A9line', '/', '//news/a',
];

describe('the redirect engine compared with Netlify\'s own matcher', () => {
  it('gives the same answer for every path of an edge-case rule set', async () => {
    const netlify = await oracle(EDGE_RULES);
    const engine = engineOf(EDGE_RULES);
    for (const url of EDGE_PATHS) {
      const [path = '', query = ''] = url.split('?');
      const ours = engine.match({ path, query });
      const mine = ours && { from: ours.rule.from, target: ours.target, status: ours.status, force: ours.force };
      expect({ url, answer: mine }).toEqual({ url, answer: netlify(url) });
    }
  });
});
