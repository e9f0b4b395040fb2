/**
 * `npm run digest -- send --date YYYY-MM-DD --to subscribers.txt [--unsubscribed FILE] [--dry-run]
 * [--rate 5/s] [--site _site] [--log FILE]`: mails one day's built digest to every subscriber over
 * SMTP. The edge: it reads SMTP_URL, DIGEST_SECRET and the site URL from the environment, makes the
 * nodemailer transport, real clock and sleep, and hands them to src/digest-send.ts. Exit code 0
 * when nothing failed, 1 when a message failed or the run could not start, 2 on a usage error.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';
import { composeMessage, readBuiltDigest, type BuiltDigest, type MessageContext } from '../src/digest-message.ts';
import { deliverDigest, parseRate, type DeliverySummary, type MailTransport } from '../src/digest-send.ts';
import { isCalendarDay } from '../src/dates.ts';
import { appendSentEntry, lockSentLog, readSentLog } from '../src/sent-log.ts';
import { countOf } from '../src/filters.ts';
import { resolveSettings, type SiteSettings } from '../src/site.ts';
import { addressKey, parseAddressList, type AddressList } from '../src/subscribers.ts';

const USAGE = 'usage: npm run digest -- send --date YYYY-MM-DD --to subscribers.txt [--unsubscribed FILE] [--dry-run] [--rate 5/s] [--site _site] [--log FILE]';
const root = path.resolve(import.meta.dirname, '..');

class UsageError extends Error {}

function readOptions() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      date: { type: 'string' }, to: { type: 'string' }, unsubscribed: { type: 'string' },
      'dry-run': { type: 'boolean', default: false }, rate: { type: 'string', default: '5/s' },
      site: { type: 'string', default: path.join(root, '_site') }, log: { type: 'string' },
    },
  });
  if (positionals[0] !== 'send' || positionals.length > 1) throw new UsageError(USAGE);
  if (!values.date || !isCalendarDay(values.date)) throw new UsageError(`--date must be a day written YYYY-MM-DD\n${USAGE}`);
  if (!values.to) throw new UsageError(`--to is required: a file with one address a line\n${USAGE}`);
  const to = path.resolve(values.to);
  const log = values.log ? path.resolve(values.log) : path.join(path.dirname(to), `${path.basename(to, path.extname(to))}.sent.jsonl`);
  const rate = (() => { try { return parseRate(values.rate); } catch (error) { throw new UsageError((error as Error).message); } })();
  return { day: values.date, to, log, rate, dryRun: values['dry-run'], site: path.resolve(values.site), unsubscribed: values.unsubscribed && path.resolve(values.unsubscribed) };
}

type Options = ReturnType<typeof readOptions>;

/** Reads an address list and prints its skipped lines as `file:line: warning: …`. */
async function readList(file: string): Promise<AddressList> {
  const name = path.relative(process.cwd(), file) || file;
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${name}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`, { cause: error });
  });
  const list = parseAddressList(text);
  for (const problem of list.problems) console.warn(`${name}:${problem.line}: warning: ${problem.message}; skipped`);
  for (const duplicate of list.duplicates) console.warn(`${name}:${duplicate.line}: warning: ${duplicate.address} is listed twice; skipped`);
  return list;
}

/** The environment a real send needs; a dry run works without it. */
function readEnvironment(dryRun: boolean): { smtpUrl?: string; secret: string } {
  const { SMTP_URL: smtpUrl, DIGEST_SECRET: secret } = process.env;
  if (!dryRun && !smtpUrl) throw new Error('SMTP_URL is not set: set it to your mail server, e.g. smtps://user:password@smtp.example.org:465');
  if (!dryRun && !secret) throw new Error('DIGEST_SECRET is not set: set it to the value in Netlify\'s environment variables (it signs the one-click unsubscribe links)');
  if (!secret) console.warn('warning: DIGEST_SECRET is not set: the unsubscribe links shown are not signed with the real secret');
  return { ...(smtpUrl ? { smtpUrl } : {}), secret: secret || 'dry-run-without-DIGEST_SECRET' };
}

/** Prints the headers of the message the first recipient would get, as nodemailer writes it. */
async function printSample(digest: BuiltDigest, list: AddressList, context: MessageContext): Promise<void> {
  const first = list.recipients[0];
  if (!first) return;
  const preview = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const { message } = (await preview.sendMail(composeMessage(digest, first, context))) as unknown as { message: Buffer };
  const raw = message.toString('utf8');
  console.log(`--- the message to ${first.address}, headers (text part ${Buffer.byteLength(digest.text)} bytes, HTML part ${Buffer.byteLength(digest.html)} bytes):`);
  console.log(raw.slice(0, raw.indexOf('\n\n')));
  console.log('---');
}

function printSummary(summary: DeliverySummary, list: AddressList, dryRun: boolean): void {
  const { alreadySent, unsubscribed, notAttempted } = summary.skipped;
  const skipped = alreadySent + unsubscribed + notAttempted + list.problems.length + list.duplicates.length;
  const parts = [`${alreadySent} already sent`, `${unsubscribed} unsubscribed`, countOf(list.problems.length, 'bad line'), `${list.duplicates.length} listed twice`];
  if (notAttempted) parts.push(`${notAttempted} not attempted`);
  console.log(`${dryRun ? 'dry run: would send' : 'sent'} ${summary.sent}, failed ${summary.failed}, skipped ${skipped} (${parts.join(', ')})`);
}

async function send(options: Options, settings: SiteSettings, transport: MailTransport | undefined, context: MessageContext): Promise<DeliverySummary> {
  const digest = await readBuiltDigest(options.site, options.day, settings.url);
  const list = await readList(options.to);
  const unsubscribed = options.unsubscribed ? (await readList(options.unsubscribed)).recipients : [];
  const log = await readSentLog(options.log);
  for (const problem of log.problems) console.warn(`warning: ${problem}`);
  console.log(`digest of ${options.day}: "${digest.subject}" to ${list.recipients.length} addresses (sent-log: ${path.relative(process.cwd(), options.log)})`);
  if (!transport) await printSample(digest, list, context);
  const summary = await deliverDigest({
    day: options.day, recipients: list.recipients, unsubscribed: new Set(unsubscribed.map((r) => addressKey(r.address))), sent: log.sent,
    compose: (recipient) => composeMessage(digest, recipient, context), ...(transport ? { transport } : {}),
    record: (entry) => appendSentEntry(options.log, entry), rate: options.rate, maxAttempts: 4, backoffMs: 2000,
    clock: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), report: (line) => console.log(line),
  });
  printSummary(summary, list, options.dryRun);
  return summary;
}

/** Connects to SMTP_URL (checked before the first message) and returns the pooled transport. */
async function connect(smtpUrl: string) {
  const transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 1 } as Parameters<typeof nodemailer.createTransport>[0]);
  const host = (() => { try { return new URL(smtpUrl).host; } catch { return 'SMTP_URL'; } })();
  await transport.verify().catch((error: Error) => {
    transport.close();
    throw new Error(`cannot use the SMTP server ${host}: ${error.message}; check SMTP_URL`);
  });
  return transport;
}

async function main(): Promise<number> {
  const options = readOptions();
  const settings = resolveSettings(process.env);
  const environment = readEnvironment(options.dryRun);
  const context: MessageContext = { from: settings.digestFrom, siteTitle: settings.title, siteUrl: settings.url, secret: environment.secret };
  if (options.dryRun) return (await send(options, settings, undefined, context)).failed > 0 ? 1 : 0;
  const release = await lockSentLog(options.log, process.pid);
  process.once('SIGINT', () => void release().then(() => process.exit(130)));
  const transport = await connect(environment.smtpUrl as string).catch(async (error: unknown) => { await release(); throw error; });
  try {
    return (await send(options, settings, transport, context)).failed > 0 ? 1 : 0;
  } finally {
    transport.close();
    await release();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`digest: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
