import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteRedirectFor, siteRedirectMiddleware } from '../src/dev-redirects.ts';
import { siteRedirects, type RedirectLine } from '../src/site-redirects.ts';

const latest = {
  day: { label: '11 March 2025', url: '/papers/date/2025-03-11/' },
  week: { label: 'Week 11', url: '/papers/week/2025-W11/' },
  month: { label: 'March 2025', url: '/papers/month/2025-03/' },
};
const lines = siteRedirects([{ id: '2310.02970', arxiv: '2310.02970' }], latest);

describe('siteRedirectFor', () => {
  it('answers the newest day, week and month, with or without a trailing slash, keeping the query', () => {
    expect(siteRedirectFor(lines, '/papers/week/latest')).toMatchObject({ status: 302, location: '/papers/week/2025-W11/' });
    expect(siteRedirectFor(lines, '/papers/month/latest/')).toMatchObject({ status: 302, location: '/papers/month/2025-03/' });
    expect(siteRedirectFor(lines, '/papers/date/latest?utm_source=x')).toMatchObject({ status: 302, location: '/papers/date/2025-03-11/?utm_source=x' });
  });

  it('answers arXiv-style paths, and nothing else', () => {
    expect(siteRedirectFor(lines, '/abs/2310.02970v2')).toMatchObject({ status: 301, location: '/papers/2310.02970/' });
    expect(siteRedirectFor(lines, '/papers/2310.02970/')).toBeUndefined();
    expect(siteRedirectFor(lines, '/')).toBeUndefined();
    expect(siteRedirectFor([], '/papers/week/latest')).toBeUndefined();
  });
});

describe('siteRedirectMiddleware', () => {
  let current: RedirectLine[] | undefined = lines;
  let server: http.Server;
  let base = '';
  beforeAll(async () => {
    const middleware = siteRedirectMiddleware(() => current);
    server = http.createServer((req, res) => middleware(req, res, () => res.writeHead(200).end('file')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('redirects over HTTP, not to be cached, and passes other requests on', async () => {
    const redirected = await fetch(`${base}/papers/week/latest`, { redirect: 'manual' });
    expect(redirected.status).toBe(302);
    expect(redirected.headers.get('location')).toBe('/papers/week/2025-W11/');
    expect(redirected.headers.get('cache-control')).toBe('no-store');
    const passed = await fetch(`${base}/papers/2310.02970/`, { redirect: 'manual' });
    expect([passed.status, await passed.text()]).toEqual([200, 'file']);
  });

  it('follows the site as it is rebuilt, and passes everything on before the first build', async () => {
    current = siteRedirects([], { ...latest, week: { label: 'Week 12', url: '/papers/week/2025-W12/' } });
    expect((await fetch(`${base}/papers/week/latest`, { redirect: 'manual' })).headers.get('location')).toBe('/papers/week/2025-W12/');
    current = undefined;
    expect((await fetch(`${base}/papers/week/latest`, { redirect: 'manual' })).status).toBe(200);
  });
});
