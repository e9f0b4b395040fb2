import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { AddressObject } from 'mailparser';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeMessage, readBuiltDigest, senderAddress, subjectOf, type MessageContext } from '../src/digest-message.ts';
import { isValidToken } from '../src/unsubscribe.ts';
import { HOSTILE } from './helpers/corpus.ts';
import { SITE, builtDigest, digestPaper } from './helpers/digests.ts';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from './helpers/smtp.ts';

const context: MessageContext = { from: 'Пейперфид 📰 <digest@papers.example.org>', siteTitle: 'paperfeed', siteUrl: SITE, secret: 's3cret' };

describe('a digest message as it arrives', () => {
  let server: TestSmtpServer;
  let mail: ReceivedMail;
  const digest = builtDigest();
  beforeAll(async () => {
    server = await startSmtpServer();
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: server.port, secure: false, ignoreTLS: true });
    await transport.sendMail(composeMessage(digest, { address: 'yamada@example.jp', name: '山田 太郎 (ヤマダ)', line: 1 }, context));
    transport.close();
    mail = server.received[0] as ReceivedMail;
  });
  afterAll(() => server.close());

  it('is multipart/alternative with a text and an HTML part, both UTF-8', () => {
    expect(mail.parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(mail.raw).toMatch(/Content-Type: text\/plain; charset=utf-8/);
    expect(mail.raw).toMatch(/Content-Type: text\/html; charset=utf-8/);
    expect(mail.parsed.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(digest.text.trimEnd());
    expect(mail.parsed.html).toBe(digest.html);
  });

  it('keeps non-ASCII names and titles intact, encoded as MIME words in headers', () => {
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(mail.raw.split('\r\n\r\n')[0]).not.toMatch(/[^\x00-\x7f]/);
    expect(mail.parsed.subject).toBe(digest.subject);
    expect(mail.parsed.subject).toContain('大規模言語モデル と العربية و עברית 🚀🧠 mixed');
    expect((mail.parsed.to as AddressObject).value).toEqual([{ address: 'yamada@example.jp', name: '山田 太郎 (ヤマダ)' }]);
    expect(mail.parsed.from?.value).toEqual([{ address: 'digest@papers.example.org', name: 'Пейперфид 📰' }]);
    expect(mail.parsed.text).toContain('山田 太郎, محمد علي, דוד כהן et al.');
  });

  it('carries a signed one-click unsubscribe link and a mailto in one List-Unsubscribe header (RFC 8058)', () => {
    expect(mail.raw.match(/^List-Unsubscribe:/gm)).toHaveLength(1);
    expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    const list = mail.parsed.headers.get('list') as { unsubscribe: { url: string; mail: string } };
    const link = new URL(list.unsubscribe.url);
    expect(`${link.origin}${link.pathname}`).toBe(`${SITE}/api/unsubscribe`);
    expect(link.searchParams.get('email')).toBe('yamada@example.jp');
    expect(isValidToken('s3cret', 'yamada@example.jp', link.searchParams.get('token') as string)).toBe(true);
    expect(list.unsubscribe.mail).toBe('digest@papers.example.org?subject=unsubscribe%20yamada%40example.jp');
    expect(mail.raw).toMatch(/^List-ID: "paperfeed daily digest" <digest\.papers\.example\.org>/m);
  });

  it('links every paper, the web version and the unsubscribe page with absolute URLs', () => {
    const $ = cheerio.load(mail.parsed.html as string);
    const links = $('a').map((_, a) => $(a).attr('href')).get();
    expect(links.every((url) => url.startsWith(`${SITE}/`))).toBe(true);
    expect(links).toEqual(expect.arrayContaining([`${SITE}/papers/date/2025-01-07/`, `${SITE}/unsubscribe/`, `${SITE}/rss.xml`]));
    for (const url of links.filter((u) => u.includes('/papers/25'))) expect(mail.parsed.text).toContain(url);
  });
});

describe('subjectOf', () => {
  it('reads back a hostile subject exactly as written', () => {
    const subject = `Day: ${HOSTILE} & "quotes" 'apostrophes'`;
    expect(subjectOf(builtDigest({ subject }).html)).toBe(subject);
  });
});

describe('readBuiltDigest', () => {
  async function site(files: Record<string, string>) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-built-'));
    await mkdir(path.join(dir, 'digest'));
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, 'digest', name), text);
    return dir;
  }

  it('reads the HTML and text of a day with the subject from the <title>', async () => {
    const digest = builtDigest({ papers: [digestPaper({ title: 'Only & one' })] });
    const dir = await site({ '2025-01-07.html': digest.html, '2025-01-07.txt': digest.text });
    expect(await readBuiltDigest(dir, '2025-01-07', SITE)).toEqual(digest);
  });

  it('says to build first when the day has no digest', async () => {
    await expect(readBuiltDigest(await site({}), '2025-01-07', SITE)).rejects.toThrow(/no digest for 2025-01-07 .*npm run build/);
  });

  it('refuses a digest built for another site URL', async () => {
    const digest = builtDigest();
    const dir = await site({ '2025-01-07.html': digest.html, '2025-01-07.txt': digest.text });
    await expect(readBuiltDigest(dir, '2025-01-07', 'https://other.example.org')).rejects.toThrow(/another site URL .*SITE_URL/);
  });
});

describe('senderAddress', () => {
  it('takes the address out of Name <address>, and says how to fix a setting without one', () => {
    expect(senderAddress('paperfeed <digest@papers.example.org>')).toBe('digest@papers.example.org');
    expect(() => senderAddress('paperfeed')).toThrow(/Name <address@your-domain>/);
  });
});
