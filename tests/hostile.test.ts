import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE, hostileCorpus } from './helpers/corpus.ts';
import { writePapers } from './helpers/papers.ts';
import { readPage, runBuild, type BuildRun } from './helpers/site.ts';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name));
}

describe('a site built from hostile content', () => {
  let run: BuildRun;
  beforeAll(async () => {
    run = await runBuild(await writePapers(hostileCorpus()));
  });

  it('builds, warning about the formulas KaTeX rejects, naming the file', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/heavy-tex\.md: warning: abstract: formula \$\\frac\{1\}\{\$ is shown as source: KaTeX: /);
    expect(run.stderr).toMatch(/control-chars\.md: warning: .*control or non-character/);
  });

  it('has no script but the site\'s own files, no form but its search, no event handler, frame, object or javascript: URL anywhere', async () => {
    for (const file of await htmlFiles(run.outDir)) {
      const $ = cheerio.load(await readFile(file, 'utf8'));
      expect($('iframe, object, embed, img, foreignObject').length, file).toBe(0);
      // The only scripts are JSON-LD data (not executable) and the site's own files, never inline code.
      $('script').each((_, script) => {
        const [type, src] = [$(script).attr('type'), $(script).attr('src')];
        const allowed = type === 'application/ld+json' ? src === undefined : (type === undefined || type === 'module') && /^\/assets\/[\w.-]+\.js$/.test(src ?? '') && $(script).text() === '';
        expect(allowed, `${file}: ${$.html(script).slice(0, 200)}`).toBe(true);
      });
      const ownForms = ['subscribe /subscribed/', 'unsubscribe /unsubscribed/'];
      const ownForm = (f: Parameters<typeof $>[0]) => ownForms.includes(`${$(f).attr('name')} ${$(f).attr('action')}`) || $(f).attr('action') === '/search/';
      expect($('form').filter((_, f) => !ownForm(f)).length, file).toBe(0);
      $('*').each((_, el) => {
        for (const [name, value] of Object.entries((el as unknown as { attribs: Record<string, string> }).attribs ?? {})) {
          expect(name.startsWith('on'), `${file}: ${name}`).toBe(false);
          expect(/^\s*(javascript|data|vbscript):/i.test(value), `${file}: ${name}=${value}`).toBe(false);
        }
      });
    }
  });

  it('shows markup in every field as the text written', async () => {
    const $ = await readPage(run.outDir, '/papers/hostile-markup/');
    expect($('h1').text()).toBe(`Title ${HOSTILE}`);
    expect($('title').text()).toContain(`Title ${HOSTILE}`);
    expect($('.paper-authors').text()).toContain(`Eve ${HOSTILE}`);
    expect($('.paper-authors').text()).toContain('Mallory "quotes" & <b>ampersands</b>');
    expect($('.facts').text()).toContain(`Venue ${HOSTILE}`);
    expect($('.facts').text()).toContain('<iframe src="javascript:alert(1)"></iframe>');
    expect($('.abstract').text()).toContain(`Abstract ${HOSTILE}`);
    expect($('.abstract').text()).toContain('<div onclick="alert(4)">raw block</div>');
    expect($('.abstract').text()).toContain(']]> twice ]]> and & and <');
    expect($('.abstract a')).toHaveLength(0);
    expect($('.paper-links a').last().attr('href')).toBe('https://example.org/?q=%3Cscript%3E&x=%22y%22');
  });

  it('drops control characters and noncharacters from every page', async () => {
    for (const file of await htmlFiles(run.outDir)) {
      expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/.test(await readFile(file, 'utf8')), file).toBe(false);
    }
    const $ = await readPage(run.outDir, '/papers/control-chars/');
    expect($('h1').text()).toBe('Control chars inside');
  });

  it('renders heavy TeX, shows broken TeX as source and loads KaTeX CSS only there', async () => {
    const $ = await readPage(run.outDir, '/papers/2501.00001/');
    expect($('.abstract .katex').length).toBeGreaterThan(3);
    expect($('.abstract code.math-source').map((_, c) => $(c).text()).get()).toEqual(['$\\frac{1}{$', '$\\def\\a{\\a\\a}\\a$']);
    expect($('.abstract').text()).toContain('costs of $5 and $10');
    expect($('h1').text()).toBe('Heavy $\\mathcal{O}(n^2)$ TeX');
    expect($('link[rel=stylesheet]').map((_, l) => $(l).attr('href')).get()).toEqual([expect.stringMatching(/^\/assets\/main-math\.[0-9a-f]{10}\.css$/)]);
    const other = await readPage(run.outDir, '/papers/2501.00002/');
    expect(other('link[rel=stylesheet]').map((_, l) => other(l).attr('href')).get()).toEqual([expect.stringMatching(/^\/assets\/main\.[0-9a-f]{10}\.css$/)]);
  });

  it('lists all 240 authors on the page and a few with the count on cards', async () => {
    const $ = await readPage(run.outDir, '/papers/2501.00002/');
    expect($('.paper-authors').text().split(', ')).toHaveLength(240);
    const day = await readPage(run.outDir, '/papers/date/2025-01-06/');
    const card = day('.card').filter((_, c) => day(c).find('a[href="/papers/2501.00002/"]').length > 0);
    expect(card.find('.card-authors').text()).toBe('Author Number1, Author Number2, Author Number3 et al. (240 authors)');
  });

  it('keeps CJK, RTL and emoji text, marks its direction, and slugs non-Latin topics', async () => {
    const $ = await readPage(run.outDir, '/papers/2501.00003/');
    expect($('h1').text()).toBe('大規模言語モデル と العربية و עברית 🚀🧠 mixed');
    expect($('h1').attr('dir')).toBe('auto');
    const topicLinks = $('.facts .topics a').map((_, a) => $(a).attr('href')).get();
    expect(topicLinks).toEqual([
      '/topics/%E6%A9%9F%E6%A2%B0%E5%AD%A6%E7%BF%92/',
      '/topics/%D8%AA%D8%B9%D9%84%D9%85-%D8%A7%D9%84%D8%A2%D9%84%D8%A9/',
      expect.stringMatching(/^\/topics\/topic-[0-9a-f]{8}\/$/),
      '/topics/equite/',
    ]);
    const topic = await readPage(run.outDir, decodeURIComponent(topicLinks[0] as string));
    expect(topic('h1').text()).toBe('Topic: 機械学習');
  });

  it('keeps old-style arXiv ids with their slash', async () => {
    const $ = await readPage(run.outDir, '/papers/hep-th/9901001/');
    expect($('.paper-links a').map((_, a) => $(a).attr('href')).get()).toEqual([
      'https://arxiv.org/abs/hep-th/9901001',
      'https://arxiv.org/pdf/hep-th/9901001v2',
    ]);
  });

  it('leaves the draft out', async () => {
    await expect(readPage(run.outDir, '/papers/draft/')).rejects.toThrow();
  });
});
