import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDigestHtml } from '../src/digest-html.ts';
import { HOSTILE } from './helpers/corpus.ts';
import { SITE, digest, digestPaper } from './helpers/digests.ts';
import { emailClientProblems } from './helpers/email-lint.ts';
import { htmlValidateProblems, nuCheckerProblems } from './helpers/validators.ts';

describe('renderDigestHtml', () => {
  const fixture = digest();
  const html = renderDigestHtml(fixture);
  const $ = cheerio.load(html);

  it('prints each paper: title linked to its page, authors, excerpt, upvotes and topics', () => {
    const titles = $('h2 a');
    expect(titles.map((_, a) => $(a).text()).get()).toEqual(fixture.papers.map((p) => p.title));
    expect(titles.map((_, a) => $(a).attr('href')).get()).toEqual(fixture.papers.map((p) => p.url));
    const first = $('td.paper').first();
    expect(first.find('.authors').text()).toBe('山田 太郎, محمد علي, דוד כהן et al.');
    expect(first.find('.excerpt').text()).toBe('本研究では 🚀 を提案する。 هذا نص عربي. זה טקסט בעברית.');
    expect(first.find('.meta').text()).toBe('99 upvotes · Topics: 機械学習, تعلم الآلة, 🤖, Équité');
    expect(first.find('[dir=auto]').length).toBeGreaterThanOrEqual(3);
  });

  it('shows markup from content as text and runs nothing', () => {
    expect($('script, iframe, object, embed, form, img')).toHaveLength(0);
    expect($('[onerror], [onclick], [onload]')).toHaveLength(0);
    expect($('td.paper').eq(1).find('h2').text()).toBe(`Title ${HOSTILE}`);
    expect(html).toContain('{{ 7*7 }}{% raw %}');
  });

  it('loads nothing from outside: no images, fonts, stylesheets or scripts', () => {
    expect($('link, script, img, picture, video, audio, iframe')).toHaveLength(0);
    expect(html).not.toMatch(/@import|@font-face|url\(/);
  });

  it('inlines its styles, keeping only media queries in <style>, and offers a dark scheme', () => {
    expect($('meta[name=color-scheme]').attr('content')).toBe('light dark');
    expect($('html').attr('lang')).toBe('en');
    expect($('td.paper').first().attr('style')).toMatch(/padding: 16px 24px;.*border-top: 1px solid #dedbd3/);
    const css = $('style').text();
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)/);
    expect(css.replace(/@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '').trim()).toBe('');
  });

  it('is laid out in presentation tables', () => {
    expect($('table').length).toBeGreaterThanOrEqual(2);
    expect($('table').filter((_, t) => $(t).attr('role') !== 'presentation')).toHaveLength(0);
  });

  it('links the web version, the unsubscribe page and every feed with absolute URLs', () => {
    const links = $('a').map((_, a) => $(a).attr('href')).get();
    expect(links.filter((url) => !url.startsWith(`${SITE}/`))).toEqual([]);
    expect($('.intro a').attr('href')).toBe(`${SITE}/papers/date/2025-01-07/`);
    expect($('.footer a').map((_, a) => $(a).text()).get()).toEqual(['paperfeed', 'Unsubscribe', 'RSS', 'Atom', 'JSON Feed', 'All feeds']);
  });

  it('says when it shows only part of the day, and links the rest', () => {
    const $$ = cheerio.load(renderDigestHtml(digest({ papers: [digestPaper()], count: 300 })));
    expect($$('.more').text()).toBe('This email shows the 1 most upvoted. See all 300 papers of January 7, 2025');
    expect($$('.more a').attr('href')).toBe(`${SITE}/papers/date/2025-01-07/`);
    expect($('.more')).toHaveLength(0);
  });
});

describe('the digest HTML under validators', () => {
  let dir: string;
  const variants = {
    'mixed.html': digest(),
    'trimmed.html': digest({ papers: Array.from({ length: 30 }, () => digestPaper()), count: 300 }),
    'single.html': digest({ papers: [digestPaper({ authors: '', topics: [] })], count: 1 }),
  };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-digest-html-'));
    for (const [name, value] of Object.entries(variants)) await writeFile(path.join(dir, name), renderDigestHtml(value));
  });

  it('passes the Nu HTML Checker with no error or warning', async () => {
    expect(await nuCheckerProblems(dir)).toEqual([]);
  });

  it('passes html-validate', async () => {
    expect(await htmlValidateProblems(dir)).toEqual([]);
  });

  it('uses only features every email client in caniemail supports, or whose absence changes nothing', () => {
    for (const value of Object.values(variants)) expect(emailClientProblems(renderDigestHtml(value))).toEqual([]);
  });

  it('fails the email-client check when a feature clients lack is used', () => {
    const html = renderDigestHtml(digest()).replace('<td class="header" style="', '<td class="header" style="display: flex; background-image: linear-gradient(red, blue); ');
    expect(emailClientProblems(html)).toEqual(expect.arrayContaining([expect.stringMatching(/^`display:flex` is not supported/)]));
  });
});
