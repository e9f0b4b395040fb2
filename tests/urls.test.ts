import { describe, expect, it } from 'vitest';
import { absoluteUrl, dayPath, href, monthPath, pagePath, paperPath, searchIndexPath, searchManifestPath, searchPath, searchShardPath, topicPath, weekPath } from '../src/urls.ts';

describe('urls', () => {
  it('follows the URL contract', () => {
    expect(paperPath('2310.02970')).toBe('/papers/2310.02970/');
    expect(paperPath('hep-th/9901001')).toBe('/papers/hep-th/9901001/');
    expect(dayPath('2025-03-11')).toBe('/papers/date/2025-03-11/');
    expect(weekPath('2025-W01')).toBe('/papers/week/2025-W01/');
    expect(monthPath('2025-03')).toBe('/papers/month/2025-03/');
    expect(topicPath('federated-learning')).toBe('/topics/federated-learning/');
  });

  it('puts search at /search/ and its index under /pagefind/, older shards in folders named by their first day', () => {
    expect(searchPath()).toBe('/search/');
    expect(searchIndexPath()).toBe('/pagefind/');
    expect(searchShardPath('2025-06-02', true)).toBe('/pagefind/');
    expect(searchShardPath('2025-05-06', false)).toBe('/pagefind/2025-05-06/');
    expect(searchManifestPath()).toBe('/pagefind/shards.json');
  });

  it('puts later pages of a listing under page/N/', () => {
    expect(pagePath('/papers/date/2025-03-11/', 1)).toBe('/papers/date/2025-03-11/');
    expect(pagePath('/papers/date/2025-03-11/', 3)).toBe('/papers/date/2025-03-11/page/3/');
  });

  it('percent-encodes non-ASCII slugs for links and keeps slashes', () => {
    expect(href(topicPath('機械学習'))).toBe('/topics/%E6%A9%9F%E6%A2%B0%E5%AD%A6%E7%BF%92/');
    expect(absoluteUrl('https://p.example.org', paperPath('hep-th/9901001'))).toBe('https://p.example.org/papers/hep-th/9901001/');
  });
});
