import { readFileSync } from 'node:fs';
import path from 'node:path';
import redirector from 'netlify-redirector';
import { describe, expect, it } from 'vitest';
import { loadPapers } from '../src/content.ts';
import { parseNetlifyConfig } from '../src/netlify-config.ts';
import { createRedirectEngine } from '../src/redirect-engine.ts';
import { parseRedirectsFile } from '../src/redirect-rules.ts';
import { formatRedirects, siteRedirects, type LatestLinks } from '../src/site-redirects.ts';
import { hostileCorpus } from './helpers/corpus.ts';
import { writePapers } from './helpers/papers.ts';
import { root } from './helpers/site.ts';

type Entry = Parameters<typeof siteRedirects>[0][number];

/** A fresh set of papers of every kind the redirects treat differently. */
const papers = (): Entry[] => [
  { id: '2310.02970', arxiv: '2310.02970' },
  { id: '2501.00001', arxiv: '2501.00001', arxivVersion: 2 },
  { id: 'hep-th/9901001', arxiv: 'hep-th/9901001', arxivVersion: 2 },
  { id: 'math.CA/0611800', arxiv: 'math.CA/0611800' },
  { id: '2502.00003', arxiv: '2502.00003', pdf: 'https://proceedings.example.org/paper.pdf' },
  { id: 'my-essay', pdf: 'https://essays.example.org/my-essay.pdf' },
  { id: 'no-pdf-note' },
];

const latest = (): LatestLinks => ({
  day: { label: '11 March 2025', url: '/papers/date/2025-03-11/' },
  week: { label: 'Week 11', url: '/papers/week/2025-W11/' },
  month: { label: 'March 2025', url: '/papers/month/2025-03/' },
});

/** The rules Netlify would see: the generated _redirects, then netlify.toml's. */
function siteRules(entries = papers()) {
  const file = formatRedirects(siteRedirects(entries, latest()));
  const toml = parseNetlifyConfig(readFileSync(path.join(root, 'netlify.toml'), 'utf8')).config.redirects;
  const parsed = parseRedirectsFile(file);
  expect(parsed.problems).toEqual([]);
  return { file, rules: [...parsed.rules, ...toml] };
}

const route = (url: string) => {
  const [p = '', query = ''] = url.split('?');
  const found = createRedirectEngine(siteRules().rules).match({ path: p, query });
  return found && [found.status, found.location];
};

describe('the site\'s redirects', () => {
  it('send /abs/<id> and /abs/<id>v<N> to the paper\'s page, old-style ids included', () => {
    expect(route('/abs/2310.02970')).toEqual([301, '/papers/2310.02970/']);
    expect(route('/abs/2310.02970v3')).toEqual([301, '/papers/2310.02970/']);
    expect(route('/abs/2310.02970v3/')).toEqual([301, '/papers/2310.02970/']);
    expect(route('/abs/hep-th/9901001v2')).toEqual([301, '/papers/hep-th/9901001/']);
    expect(route('/abs/math.CA/0611800')).toEqual([301, '/papers/math.CA/0611800/']);
  });

  it('strip the version from /papers/<id>v<N>/', () => {
    expect(route('/papers/2310.02970v12/')).toEqual([301, '/papers/2310.02970/']);
    expect(route('/papers/hep-th/9901001v2/')).toEqual([301, '/papers/hep-th/9901001/']);
    expect(route('/papers/2310.02970/')).toBeUndefined();
  });

  it('send /pdf/<id> to the PDF the paper\'s page links to, and explicit versions to arXiv\'s', () => {
    expect(route('/pdf/2310.02970')).toEqual([302, 'https://arxiv.org/pdf/2310.02970']);
    expect(route('/pdf/2501.00001')).toEqual([302, 'https://arxiv.org/pdf/2501.00001v2']);
    expect(route('/pdf/2501.00001v1')).toEqual([302, 'https://arxiv.org/pdf/2501.00001v1']);
    expect(route('/pdf/hep-th/9901001')).toEqual([302, 'https://arxiv.org/pdf/hep-th/9901001v2']);
    expect(route('/pdf/2502.00003')).toEqual([302, 'https://proceedings.example.org/paper.pdf']);
    expect(route('/pdf/my-essay')).toEqual([302, 'https://essays.example.org/my-essay.pdf']);
    expect(route('/pdf/no-pdf-note')).toEqual([404, '/404.html']);
  });

  it('send the latest day, week and month to the newest ones, temporarily', () => {
    expect(route('/papers/date/latest')).toEqual([302, '/papers/date/2025-03-11/']);
    expect(route('/papers/date/latest/?utm_source=x')).toEqual([302, '/papers/date/2025-03-11/?utm_source=x']);
    expect(route('/papers/week/latest')).toEqual([302, '/papers/week/2025-W11/']);
    expect(route('/papers/month/latest')).toEqual([302, '/papers/month/2025-03/']);
  });

  it('leave unknown papers to the 404 page', () => {
    expect(route('/abs/2401.99999')).toBeUndefined();
    expect(route('/abs/my-essay')).toBeUndefined();
  });

  it('are forced, one rule per line, in a stable order', () => {
    const { file } = siteRules();
    const reversed = siteRules(papers().reverse()).file;
    expect(reversed).toBe(file);
    const lines = file.split('\n').filter((l) => l && !l.startsWith('#'));
    for (const line of lines) expect(line).toMatch(/^\/\S+ {2}\S+ {2}\d{3}!$/);
  });

  it('stay one well-formed rule per line for hostile content', async () => {
    const { papers: loaded } = await loadPapers(await writePapers(hostileCorpus()));
    const file = formatRedirects(siteRedirects(loaded));
    const parsed = parseRedirectsFile(file);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rules.length).toBe(file.split('\n').filter((l) => l && !l.startsWith('#')).length);
    expect(parsed.rules.every((r) => Object.keys(r.query).length === 0 && Object.keys(r.conditions).length === 0)).toBe(true);
  });

  it('keep an untrusted PDF address to one token', () => {
    const lines = siteRedirects([{ id: 'evil', pdf: 'https://evil.example/ 200!' }, { id: 'odd', pdf: 'https://x.example/a#frag' }]);
    expect(lines.map((l) => l.from)).toEqual(['/pdf/odd']);
    expect(parseRedirectsFile(formatRedirects(lines)).rules.map((r) => [r.to, r.status])).toEqual([['https://x.example/a#frag', 302]]);
  });
});

const PATHS = [
  '/abs/2310.02970', '/abs/2310.02970v3', '/abs/2310.02970v3/', '/abs/hep-th/9901001v2', '/abs/math.CA/0611800', '/abs/2401.99999',
  '/papers/2310.02970v12/', '/papers/2310.02970/', '/papers/hep-th/9901001v2/', '/pdf/2310.02970', '/pdf/2501.00001', '/pdf/2501.00001v1',
  '/pdf/hep-th/9901001', '/pdf/hep-th/9901001v1', '/pdf/2502.00003', '/pdf/my-essay', '/pdf/no-pdf-note', '/pdf/unknown-thing',
  '/papers/date/latest', '/papers/date/latest/', '/papers/week/latest', '/papers/month/latest', '/', '/topics/', '/pdf/a/b/c',
];

describe('the site\'s redirects compared with Netlify\'s own matcher', () => {
  it('get the same answer from both for every reader path', async () => {
    const { file } = siteRules();
    const tomlText = readFileSync(path.join(root, 'netlify.toml'), 'utf8');
    const tomlLines = parseNetlifyConfig(tomlText).config.redirects.map((r) => `${r.from} ${r.to} ${r.status}${r.force ? '!' : ''}`);
    const matcher = await redirector.parsePlain(`${file}\n${tomlLines.join('\n')}`, {});
    const engine = createRedirectEngine(siteRules().rules);
    for (const p of PATHS) {
      const theirs = matcher.match({ scheme: 'https', host: 'paperfeed.netlify.app', path: p, query: '', getHeader: () => '', getCookie: () => '' });
      const ours = engine.match({ path: p, query: '' });
      expect({ p, ours: ours && [ours.rule.from, ours.target, ours.status] }).toEqual({ p, ours: theirs ? [theirs.from, theirs.to, theirs.status] : undefined });
    }
  });
});
