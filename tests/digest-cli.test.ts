import { execFile } from 'node:child_process';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { AddressObject } from 'mailparser';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hostileCorpus } from './helpers/corpus.ts';
import { paperFields, paperSource, writePapers } from './helpers/papers.ts';
import { root, runBuild, type BuildRun } from './helpers/site.ts';
import { startSmtpServer, type Rule, type TestSmtpServer } from './helpers/smtp.ts';

const DAY = '2025-01-07';
const SUBSCRIBERS = [
  '# digest subscribers',
  'ada@example.org',
  '山田 太郎 <yamada@example.jp>',
  'bob@',
  '"محمد علي" <m.ali@example.org>',
  'ADA@example.org',
  'not an address at all',
  '',
].join('\n');

interface Run { code: number; stdout: string; stderr: string }

function digestCommand(args: string[], env: Record<string, string | undefined>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/digest.ts'), ...args],
      { cwd: root, env: { ...process.env, SMTP_URL: undefined, DIGEST_SECRET: undefined, URL: 'https://papers.example.org', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }));
  });
}

let site: BuildRun;
let server: TestSmtpServer | undefined;
beforeAll(async () => {
  const top = paperSource(paperFields({ date: DAY, upvotes: 1000, title: 'Трансформеры 🚀 大規模言語モデル العربية', authors: ['山田 太郎'] }));
  site = await runBuild(await writePapers({ ...hostileCorpus(), '2025/01/top.md': top }));
  expect(site.code).toBe(0);
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function subscribersFile(text = SUBSCRIBERS): Promise<string> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'paperfeed-subs-')), 'subscribers.txt');
  await writeFile(file, text);
  return file;
}

async function send(to: string, extra: string[] = [], rule?: (address: string) => Rule) {
  server ??= await startSmtpServer(rule);
  return digestCommand(['send', '--date', DAY, '--to', to, '--site', site.outDir, '--rate', '50/s', ...extra], { SMTP_URL: server.url, DIGEST_SECRET: 'cli-secret' });
}

describe('npm run digest -- send', () => {
  it('mails the built digest to each good address and reports bad lines with their line numbers', async () => {
    const to = await subscribersFile();
    const run = await send(to);
    expect(run.code).toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/subscribers\.txt:4: warning: "bob@" is not an email address \(name@domain\); skipped$/),
      expect.stringMatching(/subscribers\.txt:7: warning: "not an address at all" is not an email address/),
      expect.stringMatching(/subscribers\.txt:6: warning: ADA@example\.org is listed twice; skipped$/),
    ]);
    expect(run.stdout).toMatch(/^sent 3, failed 0, skipped 3 \(0 already sent, 0 unsubscribed, 2 bad lines, 1 listed twice\)$/m);
    expect(server?.received.map((m) => m.to)).toEqual([['ada@example.org'], ['yamada@example.jp'], ['m.ali@example.org']]);
  });

  it('delivers what the build wrote: subject, both parts, names in any script, unsubscribe headers', async () => {
    const to = await subscribersFile('山田 太郎 <yamada@example.jp>\n');
    expect((await send(to)).code).toBe(0);
    const [mail] = server?.received ?? [];
    const html = await readFile(path.join(site.outDir, 'digest', `${DAY}.html`), 'utf8');
    const text = await readFile(path.join(site.outDir, 'digest', `${DAY}.txt`), 'utf8');
    expect(mail?.parsed.subject).toBe(cheerio.load(html)('title').text());
    expect(mail?.parsed.subject).toBe('January 7, 2025: Трансформеры 🚀 大規模言語モデル العربية and 2 more');
    expect(mail?.parsed.text).toContain('大規模言語モデル と العربية و עברית 🚀🧠 mixed');
    expect(mail?.parsed.html).toBe(html);
    expect(mail?.parsed.text?.replace(/\r\n/g, '\n')).toBe(text);
    expect((mail?.parsed.to as AddressObject).value).toEqual([{ address: 'yamada@example.jp', name: '山田 太郎' }]);
    expect(mail?.parsed.from?.value).toEqual([{ address: 'digest@paperfeed.netlify.app', name: 'paperfeed' }]);
    expect(mail?.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    expect(mail?.raw).toMatch(/^List-Unsubscribe:\s+<https:\/\/papers\.example\.org\/api\/unsubscribe\?email=yamada%40example\.jp&token=[\w-]{43}>,\s+<mailto:/m);
  });

  it('sends nothing twice when run again', async () => {
    const to = await subscribersFile();
    await send(to);
    const again = await send(to);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^sent 0, failed 0, skipped 6 \(3 already sent,/m);
    expect(server?.received).toHaveLength(3);
    const log = (await readFile(to.replace(/\.txt$/, '.sent.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { day: string; to: string });
    expect(log.map((e) => `${e.day} ${e.to}`)).toEqual([`${DAY} ada@example.org`, `${DAY} yamada@example.jp`, `${DAY} m.ali@example.org`]);
  });

  it('retries a temporary failure, gives up on a permanent one, and exits 1 when any message failed', async () => {
    const rule = (address: string): Rule =>
      address === 'later@example.org' ? { kind: 'temporary', times: 1 } : address === 'gone@example.org' ? { kind: 'permanent' } : { kind: 'accept' };
    const run = await send(await subscribersFile('later@example.org\ngone@example.org\nok@example.org\n'), [], rule);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^retry later@example\.org in 2 s \(attempt 1 of 4 failed, temporary\)/m);
    expect(run.stdout).toMatch(/^failed gone@example\.org \(permanent\): .*550/m);
    expect(run.stdout).toMatch(/^sent 2, failed 1, skipped 0/m);
    expect(server?.received.flatMap((m) => m.to)).toEqual(['later@example.org', 'ok@example.org']);
  });

  it('skips the addresses of the unsubscribed file', async () => {
    const to = await subscribersFile();
    const unsubscribed = path.join(path.dirname(to), 'unsubscribed.txt');
    await writeFile(unsubscribed, 'Yamada@Example.jp\n');
    const run = await send(to, ['--unsubscribed', unsubscribed]);
    expect(run.stdout).toMatch(/^skip yamada@example\.jp: unsubscribed$/m);
    expect(server?.received.flatMap((m) => m.to)).toEqual(['ada@example.org', 'm.ali@example.org']);
  });

  it('with --dry-run prints the message headers and the recipients, and sends and records nothing', async () => {
    server = await startSmtpServer();
    const to = await subscribersFile();
    const run = await digestCommand(['send', '--date', DAY, '--to', to, '--site', site.outDir, '--dry-run'], {});
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(run.stdout).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(run.stdout).toMatch(/^would send to ada@example\.org\nwould send to yamada@example\.jp\nwould send to m\.ali@example\.org$/m);
    expect(run.stdout).toMatch(/^dry run: would send 3, failed 0, skipped 3/m);
    expect(run.stderr).toContain('DIGEST_SECRET is not set');
    expect(server.attempts.size).toBe(0);
    await expect(stat(to.replace(/\.txt$/, '.sent.jsonl'))).rejects.toThrow();
  });

  it('says what to do when something is missing', async () => {
    const to = await subscribersFile();
    const base = ['send', '--date', DAY, '--to', to, '--site', site.outDir];
    const noSmtp = await digestCommand(base, { DIGEST_SECRET: 'x' });
    expect([noSmtp.code, noSmtp.stderr]).toEqual([1, expect.stringMatching(/SMTP_URL is not set: set it to your mail server/)]);
    const noSecret = await digestCommand(base, { SMTP_URL: 'smtp://127.0.0.1:9' });
    expect(noSecret.stderr).toMatch(/DIGEST_SECRET is not set/);
    const badDate = await digestCommand(['send', '--date', '2025-02-30', '--to', to], {});
    expect([badDate.code, badDate.stderr]).toEqual([2, expect.stringMatching(/--date must be a day written YYYY-MM-DD/)]);
    const noDay = await digestCommand([...base.slice(0, 2), '2019-01-01', ...base.slice(3), '--dry-run'], {});
    expect([noDay.code, noDay.stderr]).toEqual([1, expect.stringMatching(/no digest for 2019-01-01 .*npm run build/)]);
    const otherSite = await digestCommand([...base, '--dry-run'], { URL: 'https://elsewhere.example.org' });
    expect(otherSite.stderr).toMatch(/built for another site URL/);
    const noFile = await digestCommand(['send', '--date', DAY, '--to', `${to}.missing`, '--site', site.outDir, '--dry-run'], {});
    expect([noFile.code, noFile.stderr]).toEqual([1, expect.stringMatching(/cannot read .*subscribers\.txt\.missing: no such file/)]);
    const noServer = await digestCommand(base, { SMTP_URL: 'smtp://127.0.0.1:9', DIGEST_SECRET: 'x' });
    expect([noServer.code, noServer.stderr]).toEqual([1, expect.stringMatching(/cannot use the SMTP server 127\.0\.0\.1:9: .*check SMTP_URL/)]);
  });

  it('refuses to run while another send holds the sent-log', async () => {
    const to = await subscribersFile();
    await writeFile(to.replace(/\.txt$/, '.sent.jsonl.lock'), '4242\n');
    const run = await send(to);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/another send \(process 4242\) is running/);
    expect(server?.attempts.size).toBe(0);
  });
});
