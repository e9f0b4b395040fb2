import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { composeMessage } from '../src/digest-message.ts';
import { classifyFailure, createPacer, deliverDigest, parseRate, type DeliveryOptions } from '../src/digest-send.ts';
import { appendSentEntry, readSentLog } from '../src/sent-log.ts';
import { parseAddressList } from '../src/subscribers.ts';
import { SITE, builtDigest } from './helpers/digests.ts';
import { startSmtpServer, type Rule, type TestSmtpServer } from './helpers/smtp.ts';

/** A clock that only moves when the code under test sleeps: every wait is recorded, none is real. */
function fakeTime(start = Date.UTC(2025, 0, 7, 6)) {
  let now = start;
  const sleeps: number[] = [];
  return { clock: () => now, sleep: async (ms: number) => void (sleeps.push(ms), (now += ms)), sleeps };
}

let server: TestSmtpServer | undefined;
const transports: Transporter[] = [];
afterEach(async () => {
  for (const t of transports.splice(0)) t.close();
  await server?.close();
  server = undefined;
});

async function setup(addresses: string, rule?: (address: string) => Rule) {
  server = await startSmtpServer(rule);
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: server.port, secure: false, ignoreTLS: true });
  transports.push(transport);
  const log = path.join(await mkdtemp(path.join(os.tmpdir(), 'paperfeed-sent-')), 'sent.jsonl');
  const digest = builtDigest();
  const time = fakeTime();
  const lines: string[] = [];
  const options = async (overrides: Partial<DeliveryOptions> = {}): Promise<DeliveryOptions> => ({
    day: digest.day, recipients: parseAddressList(addresses).recipients, unsubscribed: new Set(), sent: (await readSentLog(log)).sent,
    compose: (r) => composeMessage(digest, r, { from: 'paperfeed <digest@papers.example.org>', siteTitle: 'paperfeed', siteUrl: SITE, secret: 's3cret' }),
    transport, record: (entry) => appendSentEntry(log, entry), rate: 10, maxAttempts: 4, backoffMs: 1000,
    clock: time.clock, sleep: time.sleep, report: (line) => void lines.push(line), ...overrides,
  });
  return { server, digest, time, lines, log, options };
}

describe('deliverDigest', () => {
  it('sends one message per recipient and records each in the sent-log', async () => {
    const { server, options, log } = await setup('ada@example.org\n山田 太郎 <yamada@example.jp>\n');
    const summary = await deliverDigest(await options());
    expect(summary).toEqual({ sent: 2, failed: 0, skipped: { alreadySent: 0, unsubscribed: 0, notAttempted: 0 } });
    expect(server.received.map((m) => m.to)).toEqual([['ada@example.org'], ['yamada@example.jp']]);
    const entries = [...(await readSentLog(log)).sent.values()];
    expect(entries.map((e) => [e.day, e.to, e.sentAt])).toEqual([
      ['2025-01-07', 'ada@example.org', '2025-01-07T06:00:00.000Z'],
      ['2025-01-07', 'yamada@example.jp', '2025-01-07T06:00:00.100Z'],
    ]);
    expect(entries[0]?.messageId).toBe(server.received[0]?.parsed.messageId);
  });

  it('never sends twice when run again, and sends only what is missing', async () => {
    const { server, options } = await setup('ada@example.org\nbob@example.org\n');
    await deliverDigest(await options({ recipients: parseAddressList('ada@example.org').recipients }));
    const second = await deliverDigest(await options());
    expect(second.sent).toBe(1);
    expect(second.skipped.alreadySent).toBe(1);
    const third = await deliverDigest(await options());
    expect(third).toEqual({ sent: 0, failed: 0, skipped: { alreadySent: 2, unsubscribed: 0, notAttempted: 0 } });
    expect(server.received.flatMap((m) => m.to)).toEqual(['ada@example.org', 'bob@example.org']);
  });

  it('retries a temporary failure with exponential backoff until the server accepts', async () => {
    const { server, options, time, lines } = await setup('slow@example.org\n', () => ({ kind: 'temporary', times: 2, code: 451 }));
    const summary = await deliverDigest(await options());
    expect(summary.sent).toBe(1);
    expect(server.attempts.get('slow@example.org')).toBe(3);
    expect(time.sleeps.filter((ms) => ms >= 1000)).toEqual([1000, 2000]);
    expect(lines.filter((l) => l.startsWith('retry'))).toEqual([
      expect.stringMatching(/^retry slow@example\.org in 1 s \(attempt 1 of 4 failed, temporary\): .*451/),
      expect.stringMatching(/^retry slow@example\.org in 2 s \(attempt 2 of 4 failed, temporary\)/),
    ]);
  });

  it('gives up on a temporary failure after the last attempt', async () => {
    const { options, time } = await setup('busy@example.org\n', () => ({ kind: 'temporary', times: 99 }));
    const summary = await deliverDigest(await options());
    expect(summary.failed).toBe(1);
    expect(time.sleeps.filter((ms) => ms >= 1000)).toEqual([1000, 2000, 4000]);
  });

  it('does not retry a permanent rejection, records nothing for it and goes on', async () => {
    const rule = (a: string): Rule => (a === 'gone@example.org' ? { kind: 'permanent', code: 550 } : { kind: 'accept' });
    const { server, options, log, lines } = await setup('gone@example.org\nada@example.org\n', rule);
    const summary = await deliverDigest(await options());
    expect(summary).toMatchObject({ sent: 1, failed: 1 });
    expect(server.attempts.get('gone@example.org')).toBe(1);
    expect(lines).toContainEqual(expect.stringMatching(/^failed gone@example\.org \(permanent\): .*550/));
    expect([...(await readSentLog(log)).sent.values()].map((e) => e.to)).toEqual(['ada@example.org']);
  });

  it('skips unsubscribed addresses whatever their case', async () => {
    const { server, options } = await setup('ada@example.org\nbob@example.org\n');
    const summary = await deliverDigest(await options({ unsubscribed: new Set(['bob@example.org']) }));
    expect(summary.skipped.unsubscribed).toBe(1);
    expect(server.received.flatMap((m) => m.to)).toEqual(['ada@example.org']);
  });

  it('stops the run when the server cannot be reached, leaving the rest for the next run', async () => {
    const { options, server: running } = await setup('a@example.org\nb@example.org\nc@example.org\n');
    await running.close();
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: running.port, secure: false, ignoreTLS: true });
    transports.push(transport);
    const summary = await deliverDigest(await options({ transport, maxAttempts: 2 }));
    expect(summary).toEqual({ sent: 0, failed: 1, skipped: { alreadySent: 0, unsubscribed: 0, notAttempted: 2 } });
  });

  it('in a dry run sends and records nothing', async () => {
    const { server, options, log, lines } = await setup('ada@example.org\n');
    const { transport: _unused, ...dry } = await options();
    const summary = await deliverDigest(dry);
    expect(summary.sent).toBe(1);
    expect(lines).toEqual(['would send to ada@example.org']);
    expect(server.attempts.size).toBe(0);
    expect((await readSentLog(log)).sent.size).toBe(0);
  });

  it('paces messages to the rate limit', async () => {
    const { options, time } = await setup('a@example.org\nb@example.org\nc@example.org\n');
    await deliverDigest(await options({ rate: 2 }));
    expect(time.sleeps).toEqual([500, 500]);
  });
});

describe('createPacer', () => {
  it('waits only for the part of the interval that has not passed', async () => {
    const time = fakeTime(0);
    const pace = createPacer(4, time.clock, time.sleep);
    await pace();
    await time.sleep(100);
    await pace();
    await pace();
    expect(time.sleeps).toEqual([100, 150, 250]);
  });
});

describe('classifyFailure', () => {
  it('reads SMTP reply codes and connection errors', () => {
    expect(classifyFailure({ responseCode: 421 })).toBe('temporary');
    expect(classifyFailure({ responseCode: 452 })).toBe('temporary');
    expect(classifyFailure({ responseCode: 550 })).toBe('permanent');
    expect(classifyFailure({ responseCode: 554 })).toBe('permanent');
    expect(classifyFailure({ code: 'ECONNECTION' })).toBe('connection');
    expect(classifyFailure({ code: 'ETIMEDOUT' })).toBe('connection');
    expect(classifyFailure(new Error('something else'))).toBe('permanent');
    expect(classifyFailure(undefined)).toBe('permanent');
  });
});

describe('parseRate', () => {
  it('reads per second, minute and hour', () => {
    expect(parseRate('5/s')).toBe(5);
    expect(parseRate('2')).toBe(2);
    expect(parseRate('120/m')).toBe(2);
    expect(parseRate('1800/h')).toBe(0.5);
  });

  it('rejects what is not a positive rate', () => {
    for (const bad of ['0/s', '-1/s', 'fast', '5/d', '']) expect(() => parseRate(bad)).toThrow(/e\.g\. 5\/s/);
  });
});
