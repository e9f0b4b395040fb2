/**
 * Feed fixtures with fixed dates and URLs, made fresh per call: `feedPaper` is one rendered paper
 * (nothing shared between calls), `feedSetOf` runs the real feed builder over papers, and
 * `hostilePapers` puts into every field what breaks careless feeds: markup, `]]>` twice, `&amp;`,
 * XML-forbidden characters (passed straight to the renderers, past the loader that drops them).
 */
import { createMemoryCache } from '../../src/abstracts.ts';
import { buildFeeds, type FeedSet } from '../../src/feeds.ts';
import { defaultSettings, type SiteSettings } from '../../src/site.ts';
import { nameTopics } from '../../src/topics.ts';
import type { RenderedPaper } from '../../src/views.ts';
import { HOSTILE } from './corpus.ts';

export const SITE_URL = 'https://papers.example.org';

export function feedSettings(overrides: Partial<SiteSettings> = {}): SiteSettings {
  return { ...defaultSettings, url: SITE_URL, ...overrides };
}

/** A rendered paper with fixed fields; `id` defaults to a slug of the title. */
export function feedPaper(overrides: Partial<RenderedPaper> & { title: string }): RenderedPaper {
  const id = overrides.id ?? overrides.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return {
    id,
    file: `content/papers/${id}.md`,
    date: '2025-03-11',
    authors: ['Ada Lovelace', 'Alan Turing'],
    topics: ['Machine Learning'],
    upvotes: 0,
    draft: false,
    abstract: 'We study things.',
    html: '<p>Page HTML, not used by feeds.</p>',
    text: 'Page text, not used by feeds.',
    hasMath: false,
    ...overrides,
  };
}

/** Three papers over two days: one with math and an arXiv id, one without authors, one with several topics. */
export function samplePapers(): RenderedPaper[] {
  return [
    feedPaper({
      title: 'Attention with $\\mathcal{O}(n)$ memory', id: '2503.01234', arxiv: '2503.01234', arxivVersion: 2, upvotes: 12,
      code: 'https://github.com/example/linear-attention', topics: ['Machine Learning', 'Transformers'],
      abstract: 'We compute attention in $\\mathcal{O}(n)$ memory.\n\n$$\\sum_{i=1}^{n} a_i = 1$$',
    }),
    feedPaper({ title: 'A paper without authors', authors: [], upvotes: 3, topics: ['transformers'] }),
    feedPaper({ title: 'Yesterday\'s paper', date: '2025-03-10', upvotes: 40, authors: ['Grace Hopper'] }),
  ];
}

/** Papers whose every field is hostile; text the loader would clean is passed raw on purpose. */
export function hostilePapers(): RenderedPaper[] {
  return [
    feedPaper({
      id: 'hostile', title: `Title ${HOSTILE} ]]> and ]]> &amp; \u0001\u0008\uFFFE`, authors: [`Eve ${HOSTILE}`, 'Mallory & <b>Co</b> ]]>'],
      topics: [`topic ${HOSTILE}`], code: 'https://example.org/?q=<script>&x="y"',
      abstract: `Abstract ${HOSTILE}\n\n<div onclick="alert(4)">raw</div> [x](javascript:alert(1)) ]]> twice ]]> &amp; &lt; \u0007bell`,
    }),
  ];
}

export function feedSetOf(papers: RenderedPaper[], settings: SiteSettings = feedSettings()): FeedSet {
  const topics = [...nameTopics(papers.flatMap((p) => p.topics)).values()].sort((a, b) => (a.slug < b.slug ? -1 : 1));
  return buildFeeds(papers, topics, settings, createMemoryCache());
}
