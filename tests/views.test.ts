import { describe, expect, it } from 'vitest';
import type { Paper } from '../src/content.ts';
import { defaultSettings } from '../src/site.ts';
import { nameTopics } from '../src/topics.ts';
import { paperLinks, shortAuthors, toCard, toPaperView, type RenderedPaper } from '../src/views.ts';

const paper = (overrides: Partial<RenderedPaper> = {}): RenderedPaper => ({
  id: '2310.02970', arxiv: '2310.02970', file: 'x.md', title: 'T', date: '2025-03-11', authors: ['A', 'B', 'C', 'D'],
  topics: ['Federated Learning'], upvotes: 4, draft: false, abstract: 'x', html: '<p>x</p>', text: 'x '.repeat(400), hasMath: false,
  ...overrides,
});

describe('views', () => {
  it('shortens author lists with et al.', () => {
    expect(shortAuthors(['A', 'B', 'C', 'D'], 3)).toBe('A, B, C et al.');
    expect(shortAuthors(['A', 'B'], 3)).toBe('A, B');
    expect(shortAuthors([], 3)).toBe('');
  });

  it('links arXiv, its PDF at the given version, code and project', () => {
    const p: Paper = { ...paper(), arxivVersion: 2, code: 'https://github.com/x/y', project: 'https://p.example/' };
    expect(paperLinks(p)).toEqual([
      { label: 'arXiv', url: 'https://arxiv.org/abs/2310.02970' },
      { label: 'PDF', url: 'https://arxiv.org/pdf/2310.02970v2' },
      { label: 'Code', url: 'https://github.com/x/y' },
      { label: 'Project page', url: 'https://p.example/' },
    ]);
  });

  it('prefers a given PDF and has no arXiv links without an id', () => {
    const { arxiv: _drop, ...rest } = paper({ pdf: 'https://example.org/p.pdf' });
    expect(paperLinks({ ...rest, id: 'slug' })).toEqual([{ label: 'PDF', url: 'https://example.org/p.pdf' }]);
  });

  it('makes a card with the site-wide topic name and a short excerpt', () => {
    const topics = nameTopics(['federated learning', 'federated learning', 'Federated Learning']);
    const card = toCard(paper(), topics, defaultSettings);
    expect(card.topics).toEqual([{ label: 'federated learning', url: '/topics/federated-learning/' }]);
    expect(card.excerpt.length).toBeLessThanOrEqual(defaultSettings.excerptLength + 1);
    expect(card.authorsShort).toBe('A, B, C et al.');
    expect(card.url).toBe('/papers/2310.02970/');
    expect(card.cite).toMatchObject({ id: '2310.02970', keywords: ['federated learning'], pdf: 'https://arxiv.org/pdf/2310.02970' });
  });

  it('makes a paper view with its week, month and neighbours', () => {
    const topics = nameTopics(['x']);
    const p = paper({ topics: [], published: '2023-10-04', venue: 'ICLR 2024' });
    const card = toCard(p, topics, defaultSettings);
    const view = toPaperView(p, card, defaultSettings, undefined, { ...card, title: 'Next one', url: '/papers/n/' });
    expect(view).toMatchObject({
      week: { label: 'Week 11, 2025', url: '/papers/week/2025-W11/' },
      month: { label: 'March 2025', url: '/papers/month/2025-03/' },
      publishedLabel: 'October 4, 2023',
      venue: 'ICLR 2024',
      next: { label: 'Next one', url: '/papers/n/' },
    });
    expect(view.prev).toBeUndefined();
  });
});
