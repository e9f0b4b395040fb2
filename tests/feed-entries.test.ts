import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { cacheKey, createMemoryCache, type RenderCache } from '../src/abstracts.ts';
import { createFeedEntryMaker, plainTextHtml } from '../src/feed-entries.ts';
import { nameTopics } from '../src/topics.ts';
import { feedPaper, hostilePapers, SITE_URL } from './helpers/feeds.ts';

const topicsOf = (labels: string[]) => nameTopics(labels);

/** A cache that counts what it is asked, to see what was rendered. */
function countingCache(): RenderCache & { sets: string[] } {
  const inner = createMemoryCache();
  const sets: string[] = [];
  return {
    load: inner.load,
    get: (key, shard) => inner.get(key, shard),
    set: (key, shard, value) => { sets.push(key); inner.set(key, shard, value); },
    save: inner.save,
    sets,
  };
}

describe('feed entries', () => {
  it('write math as MathML only, with no KaTeX HTML that needs KaTeX CSS', () => {
    const maker = createFeedEntryMaker(SITE_URL, topicsOf([]), createMemoryCache());
    const entry = maker.entryOf(feedPaper({ title: 'T', abstract: 'Let $x^2$ be.\n\n$$\\frac{a}{b}$$', topics: [] }));
    const $ = cheerio.load(entry.html);
    expect($('math').length).toBe(2);
    expect($('math').first().attr('xmlns')).toBe('http://www.w3.org/1998/Math/MathML');
    expect($('math').last().attr('display')).toBe('block');
    expect($('.katex-html, [aria-hidden=true]').length).toBe(0);
    expect(entry.text).toBe('Let $x^2$ be.\n\n$$\\frac{a}{b}$$');
  });

  it('use the paper page as id, name topics as the topic index does, and link arXiv, PDF and code after the abstract', () => {
    const maker = createFeedEntryMaker(SITE_URL, topicsOf(['Federated Learning', 'Federated Learning', 'NLP']), createMemoryCache());
    const entry = maker.entryOf(feedPaper({
      title: 'T', id: 'hep-th/9901001', arxiv: 'hep-th/9901001', arxivVersion: 2, topics: ['federated-learning', 'NLP', 'Federated learning'],
      code: 'https://github.com/x/y',
    }));
    expect(entry.url).toBe('https://papers.example.org/papers/hep-th/9901001/');
    expect(entry.externalUrl).toBe('https://arxiv.org/abs/hep-th/9901001');
    expect(entry.categories).toEqual(['Federated Learning', 'NLP']);
    const $ = cheerio.load(entry.html);
    expect($('p').last().find('a').map((_, a) => `${$(a).text()} ${$(a).attr('href')}`).get()).toEqual([
      'arXiv https://arxiv.org/abs/hep-th/9901001', 'PDF https://arxiv.org/pdf/hep-th/9901001v2', 'Code https://github.com/x/y',
    ]);
  });

  it('render each abstract once per build, through the cache, keyed apart from page renders', () => {
    const cache = countingCache();
    const maker = createFeedEntryMaker(SITE_URL, topicsOf([]), cache);
    const paper = feedPaper({ title: 'T', abstract: 'Once $x$.', topics: [] });
    expect(maker.entryOf(paper)).toBe(maker.entryOf(paper));
    expect(cache.sets).toEqual([cacheKey('Once $x$.', 'mathml')]);
    expect(cacheKey('Once $x$.', 'mathml')).not.toBe(cacheKey('Once $x$.', 'html'));
    const next = createFeedEntryMaker(SITE_URL, topicsOf([]), cache);
    next.entryOf(paper);
    expect(next.stats()).toEqual({ rendered: 1, cached: 1 });
  });

  it('turn hostile content into text: no live element, handler or javascript: link', () => {
    const [paper] = hostilePapers();
    const entry = createFeedEntryMaker(SITE_URL, topicsOf(paper?.topics ?? []), createMemoryCache()).entryOf(paper!);
    const $ = cheerio.load(entry.html);
    expect($('script, img, iframe, div[onclick]').length).toBe(0);
    expect($('a').map((_, a) => $(a).attr('href')).get()).toEqual(['https://example.org/?q=<script>&x="y"']);
    expect($.root().text()).toContain('<div onclick="alert(4)">raw</div>');
    expect($.root().text()).toContain(']]> twice ]]> & <'); // Markdown reads &amp; as an entity, as pages do
  });
});

describe('plainTextHtml', () => {
  it('shows exactly the text, one paragraph per block', () => {
    const html = plainTextHtml('a < b & <i>c</i>\n\nsecond');
    expect(html).toBe('<p>a &lt; b &amp; &lt;i&gt;c&lt;/i&gt;</p>\n<p>second</p>');
    const $ = cheerio.load(html);
    expect($('p').map((_, p) => $(p).text()).get()).toEqual(['a < b & <i>c</i>', 'second']);
  });
});
