import { describe, expect, it } from 'vitest';
import { defaultSettings, normalizeSiteUrl, resolveSettings } from '../src/site.ts';

describe('resolveSettings', () => {
  it('takes the canonical URL from Netlify\'s URL variable', () => {
    expect(resolveSettings({ URL: 'https://papers.example.org/' }).url).toBe('https://papers.example.org');
  });

  it('prefers SITE_URL over URL over the dev server address over the default', () => {
    expect(resolveSettings({ URL: 'https://a.example', SITE_URL: 'https://b.example' }).url).toBe('https://b.example');
    expect(resolveSettings({}).url).toBe(defaultSettings.url);
    expect(resolveSettings({}, { url: 'http://localhost:8080' }).url).toBe('http://localhost:8080');
    expect(resolveSettings({ URL: 'https://a.example' }, { url: 'http://localhost:8080' }).url).toBe('https://a.example');
  });

  it('rejects unusable URLs with the fix', () => {
    expect(() => normalizeSiteUrl('papers.example.org')).toThrow(/set URL or SITE_URL/);
    expect(() => normalizeSiteUrl('ftp://papers.example.org')).toThrow(/https:\/\//);
    expect(() => normalizeSiteUrl('https://example.org/sub/')).toThrow(/origin only/);
  });

  it('applies overrides', () => {
    expect(resolveSettings({}, { feedSize: 10 }).feedSize).toBe(10);
  });
});
