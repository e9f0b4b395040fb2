import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import unsubscribeFunction, { config } from '../netlify/functions/unsubscribe.ts';
import { handleUnsubscribe, isValidToken, oneClickUrl, unsubscribeToken } from '../src/unsubscribe.ts';
import { oneClickUnsubscribePath } from '../src/urls.ts';

const SECRET = 'test-secret';
const SITE = 'https://papers.example.org';

function oneClickPost(url: string, body = 'List-Unsubscribe=One-Click'): Request {
  return new Request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
}

describe('unsubscribe tokens', () => {
  it('are stable per address, ignore its case, and differ between addresses and secrets', () => {
    expect(unsubscribeToken(SECRET, 'ada@example.org')).toBe(unsubscribeToken(SECRET, 'Ada@Example.org'));
    expect(unsubscribeToken(SECRET, 'ada@example.org')).not.toBe(unsubscribeToken(SECRET, 'bob@example.org'));
    expect(unsubscribeToken(SECRET, 'ada@example.org')).not.toBe(unsubscribeToken('other', 'ada@example.org'));
    expect(unsubscribeToken(SECRET, 'ada@example.org')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('check out only for their own address', () => {
    const token = unsubscribeToken(SECRET, 'ada@example.org');
    expect(isValidToken(SECRET, 'ada@example.org', token)).toBe(true);
    expect(isValidToken(SECRET, 'bob@example.org', token)).toBe(false);
    expect(isValidToken(SECRET, 'ada@example.org', token.slice(1))).toBe(false);
    expect(isValidToken(SECRET, 'ada@example.org', '')).toBe(false);
  });

  it('go into a one-click link on the site with the address percent-encoded', () => {
    const url = new URL(oneClickUrl(SITE, SECRET, 'a+b@example.org'));
    expect(url.origin + url.pathname).toBe(`${SITE}/api/unsubscribe`);
    expect(url.searchParams.get('email')).toBe('a+b@example.org');
  });
});

describe('handleUnsubscribe', () => {
  const submissions: { url: string; body: string }[] = [];
  const endpoint = (status = 200) => ({ secret: SECRET, submit: async (url: string, body: string) => (submissions.push({ url, body }), status) });
  afterEach(() => void submissions.splice(0));

  it('records a one-click POST as a submission of the unsubscribe form on the same site', async () => {
    const response = await handleUnsubscribe(oneClickPost(oneClickUrl(SITE, SECRET, 'ada@example.org')), endpoint());
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^Unsubscribed ada@example\.org/);
    expect(submissions).toEqual([{ url: `${SITE}/`, body: 'form-name=unsubscribe&email=ada%40example.org' }]);
  });

  it('refuses a link whose token is not the address\'s, and records nothing', async () => {
    const forged = oneClickUrl(SITE, SECRET, 'ada@example.org').replace('ada%40', 'bob%40');
    expect((await handleUnsubscribe(oneClickPost(forged), endpoint())).status).toBe(403);
    expect((await handleUnsubscribe(oneClickPost(`${SITE}/api/unsubscribe`), endpoint())).status).toBe(403);
    expect(submissions).toEqual([]);
  });

  it('never unsubscribes on GET: it sends people to the unsubscribe page', async () => {
    const response = await handleUnsubscribe(new Request(oneClickUrl(SITE, SECRET, 'ada@example.org')), endpoint());
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${SITE}/unsubscribe/`);
    expect(submissions).toEqual([]);
  });

  it('answers other methods with 405, a missing secret with 500, and a failed recording with 502', async () => {
    const url = oneClickUrl(SITE, SECRET, 'ada@example.org');
    expect((await handleUnsubscribe(new Request(url, { method: 'PUT' }), endpoint())).status).toBe(405);
    expect((await handleUnsubscribe(oneClickPost(url), { ...endpoint(), secret: undefined })).status).toBe(500);
    expect((await handleUnsubscribe(oneClickPost(url), endpoint(500))).status).toBe(502);
    expect((await handleUnsubscribe(oneClickPost(url), { secret: SECRET, submit: () => Promise.reject(new Error('down')) })).status).toBe(502);
  });
});

describe('the Netlify Function', () => {
  let site: Server;
  let origin: string;
  const posted: { path: string; type: string; body: string }[] = [];
  beforeAll(async () => {
    site = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        posted.push({ path: request.url ?? '', type: request.headers['content-type'] ?? '', body });
        response.writeHead(200, { 'content-type': 'text/html' }).end('<p>Thank you</p>');
      });
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    process.env.DIGEST_SECRET = SECRET;
  });
  afterAll(async () => {
    delete process.env.DIGEST_SECRET;
    await new Promise((resolve) => site.close(resolve));
  });

  it('serves the URL the links point to', () => {
    expect(config.path).toBe(oneClickUnsubscribePath());
  });

  it('posts the form submission to its own site, as Netlify Forms expects it', async () => {
    const response = await unsubscribeFunction(oneClickPost(oneClickUrl(origin, SECRET, '山田@example.jp'.replace('山田', 'yamada'))));
    expect(response.status).toBe(200);
    expect(posted).toEqual([{ path: '/', type: 'application/x-www-form-urlencoded', body: 'form-name=unsubscribe&email=yamada%40example.jp' }]);
  });
});
