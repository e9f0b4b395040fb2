import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paperFields, paperSource, writePapers } from './helpers/papers.ts';
import { root } from './helpers/site.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined as T);
    if (value !== undefined && done(value)) return value;
    if (Date.now() > until) throw new Error(`gave up waiting; last value: ${String(value).slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('the dev server (npm start)', () => {
  let server: ChildProcess;
  let base: string;
  let papersDir: string;
  let output = '';
  const title = async (url: string) => cheerio.load(await (await fetch(base + url)).text())('h1').text();

  beforeAll(async () => {
    papersDir = await writePapers({
      'live.md': paperSource(paperFields({ arxiv: undefined, title: 'Before the edit', date: '2025-03-11' })),
      'wip.md': paperSource(paperFields({ arxiv: undefined, title: 'Work in progress', date: '2025-03-11', draft: true })),
    });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const outDir = path.join(papersDir, '..', `dev-site-${port}`);
    server = spawn(process.execPath, ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--config=eleventy.config.ts', '--serve', `--port=${port}`, `--output=${outDir}`], {
      cwd: root,
      env: { ...process.env, PAPERS_DIR: papersDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk) => (output += chunk));
    server.stderr?.on('data', (chunk) => (output += chunk));
    await poll(() => title('/papers/live/'), (t) => t === 'Before the edit');
  });

  afterAll(() => {
    server?.kill('SIGTERM');
  });

  it('shows drafts, marked as drafts', async () => {
    const $ = cheerio.load(await (await fetch(`${base}/papers/wip/`)).text());
    expect($('h1').text()).toBe('Work in progress');
    expect($('.badge').text()).toBe('Draft');
  });

  it('writes each paper\'s BibTeX and JSON API file after a rebuild', async () => {
    expect((await fetch(`${base}/papers/live/cite.bib`)).status).toBe(200);
    expect(await (await fetch(`${base}/api/papers/live.json`)).json()).toMatchObject({ id: 'live' });
  });

  it('uses its own address for canonical links', async () => {
    const $ = cheerio.load(await (await fetch(`${base}/papers/live/`)).text());
    expect($('link[rel=canonical]').attr('href')).toBe('http://localhost:8080/papers/live/');
  });

  it('answers the header\'s This week and This month with the site\'s redirects, as Netlify does', async () => {
    const header = cheerio.load(await (await fetch(`${base}/papers/live/`)).text());
    const week = header('.site-nav a').filter((_, a) => header(a).text() === 'This week').attr('href');
    expect(week).toBe('/papers/week/latest/');
    const redirected = await fetch(`${base}${week}`, { redirect: 'manual' });
    expect(redirected.status).toBe(302);
    expect(redirected.headers.get('location')).toBe('/papers/week/2025-W11/');
    expect(cheerio.load(await (await fetch(`${base}/papers/month/latest`)).text())('h1').text()).toContain('March 2025');
  });

  it('rebuilds when a paper changes', async () => {
    await writeFile(path.join(papersDir, 'live.md'), paperSource(paperFields({ arxiv: undefined, title: 'After the edit', date: '2025-03-11' })));
    expect(await poll(() => title('/papers/live/'), (t) => t === 'After the edit')).toBe('After the edit');
  });

  it('writes the listing pages too, and writes them again after a rebuild', async () => {
    const cards = async () => {
      const $ = cheerio.load(await (await fetch(`${base}/papers/date/2025-03-11/`)).text());
      return $('ol.cards .card-title a').map((_, a) => $(a).text()).get();
    };
    expect(await poll(cards, (titles) => titles.includes('After the edit'))).not.toContain('Before the edit');
  });

  it('reports invalid content and keeps serving the last good pages', async () => {
    await writeFile(path.join(papersDir, 'broken.md'), paperSource(paperFields({ autors: ['x'] })));
    await poll(async () => output, (o) => o.includes('autors: unknown field; did you mean "authors"?'));
    expect(await title('/papers/live/')).toBe('After the edit');
  });
});
