import { describe, expect, it } from 'vitest';
import { absoluteUrl, countOf, noun, templateFilters } from '../src/filters.ts';
import { feedPaper, feedSetOf } from './helpers/feeds.ts';

describe('filters', () => {
  it('counts with the right plural', () => {
    expect(countOf(1, 'paper')).toBe('1 paper');
    expect(countOf(0, 'paper')).toBe('0 papers');
    expect(countOf(1024, 'paper')).toBe('1,024 papers');
    expect(countOf(2, 'query', 'queries')).toBe('2 queries');
  });

  it('gives the noun that goes with a count', () => {
    expect([noun(0, 'upvote'), noun(1, 'upvote'), noun(2, 'upvote'), noun(3, 'query', 'queries')]).toEqual(['upvotes', 'upvote', 'upvotes', 'queries']);
  });

  it('finds a topic\'s feed for a listing', () => {
    const feeds = feedSetOf([feedPaper({ title: 'T', topics: ['NLP', 'constructor'] })]);
    expect(templateFilters.topicFeed(feeds.topics, 'nlp').urls.rss).toBe('https://papers.example.org/topics/nlp/rss.xml');
    expect(templateFilters.topicFeed(feeds.topics, 'constructor').name).toBe('constructor');
  });

  it('makes absolute URLs from encoded paths', () => {
    expect(absoluteUrl('/topics/%E6%A9%9F/', 'https://p.example.org')).toBe('https://p.example.org/topics/%E6%A9%9F/');
  });
});
