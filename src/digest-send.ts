/**
 * Delivering a day's digest: one message per recipient, paced to a rate limit, retried with
 * exponential backoff when the server says "try again later" (4xx, or a dropped connection) and
 * never when it says no (5xx), each success written to the sent-log before the next message, so a
 * repeated run sends only what is missing. The mail transport, clock and sleep are passed in: the
 * command (scripts/digest.ts) gives nodemailer and real time, tests a real SMTP server and a fake clock.
 */
import type { SendMailOptions } from 'nodemailer';
import { sentKey, type SentEntry } from './sent-log.ts';
import type { Recipient } from './subscribers.ts';
import { addressKey } from './subscribers.ts';

export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<{ messageId?: string }>;
}

export interface DeliveryOptions {
  day: string;
  recipients: Recipient[];
  /** Compared addresses ({@link addressKey}) never to send to. */
  unsubscribed: Set<string>;
  /** Deliveries already made, by {@link sentKey}. */
  sent: Map<string, SentEntry>;
  compose: (recipient: Recipient) => SendMailOptions;
  /** Absent in a dry run: nothing is sent or recorded. */
  transport?: MailTransport;
  record: (entry: SentEntry) => Promise<void>;
  /** Messages per second at most. */
  rate: number;
  /** Tries per message, the first included. */
  maxAttempts: number;
  /** Wait before the first retry; it doubles for each further one. */
  backoffMs: number;
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
  report: (line: string) => void;
}

export interface DeliverySummary {
  sent: number;
  failed: number;
  skipped: { alreadySent: number; unsubscribed: number; notAttempted: number };
}

export type Failure = 'temporary' | 'permanent' | 'connection';

const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH']);

/** What a failed send means: a 4xx reply is temporary, 5xx permanent, a lost connection temporary for the whole run. */
export function classifyFailure(error: unknown): Failure {
  const { responseCode, code } = (error ?? {}) as { responseCode?: number; code?: string };
  if (typeof responseCode === 'number') return responseCode >= 400 && responseCode < 500 ? 'temporary' : 'permanent';
  return code && CONNECTION_CODES.has(code) ? 'connection' : 'permanent';
}

/** `5/s`, `300/m`, `1000/h` (or a bare number, per second) → messages per second. */
export function parseRate(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(?:\/(s|m|h))?$/.exec(text.trim());
  const count = match ? Number(match[1]) : NaN;
  if (!match || !(count > 0)) throw new Error(`--rate "${text}" is not a rate: write e.g. 5/s, 300/m or 1000/h`);
  return count / { s: 1, m: 60, h: 3600 }[(match[2] ?? 's') as 's' | 'm' | 'h'];
}

/** Waits as long as needed so that calls are at least 1/rate seconds apart. */
export function createPacer(rate: number, clock: () => number, sleep: (ms: number) => Promise<void>): () => Promise<void> {
  const interval = 1000 / rate;
  let next = -Infinity;
  return async () => {
    const wait = next - clock();
    if (wait > 0) await sleep(wait);
    next = Math.max(clock(), next) + interval;
  };
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();

/** Sends one message with retries; returns its id, or the last failure. */
async function sendWithRetry(message: SendMailOptions, to: string, options: DeliveryOptions, pace: () => Promise<void>) {
  const transport = options.transport as MailTransport;
  for (let attempt = 1; ; attempt++) {
    await pace();
    try {
      return { messageId: (await transport.sendMail(message)).messageId };
    } catch (error) {
      const failure = classifyFailure(error);
      if (failure === 'permanent' || attempt >= options.maxAttempts) return { failure, error: describe(error) };
      const delay = options.backoffMs * 2 ** (attempt - 1);
      options.report(`retry ${to} in ${Math.round(delay / 100) / 10} s (attempt ${attempt} of ${options.maxAttempts} failed, ${failure}): ${describe(error)}`);
      await options.sleep(delay);
    }
  }
}

/** Why a recipient is skipped, or undefined when the digest should go to them. */
function skipReason(recipient: Recipient, options: DeliveryOptions): 'alreadySent' | 'unsubscribed' | undefined {
  if (options.unsubscribed.has(addressKey(recipient.address))) return 'unsubscribed';
  return options.sent.has(sentKey(options.day, recipient.address)) ? 'alreadySent' : undefined;
}

/** Delivers (or, without a transport, lists) the digest for every recipient in order. */
export async function deliverDigest(options: DeliveryOptions): Promise<DeliverySummary> {
  const summary: DeliverySummary = { sent: 0, failed: 0, skipped: { alreadySent: 0, unsubscribed: 0, notAttempted: 0 } };
  const pace = createPacer(options.rate, options.clock, options.sleep);
  for (const [index, recipient] of options.recipients.entries()) {
    const to = recipient.address;
    const reason = skipReason(recipient, options);
    if (reason) {
      summary.skipped[reason]++;
      options.report(`skip ${to}: ${reason === 'unsubscribed' ? 'unsubscribed' : `already sent the digest of ${options.day}`}`);
      continue;
    }
    if (!options.transport) {
      summary.sent++;
      options.report(`would send to ${to}`);
      continue;
    }
    const result = await sendWithRetry(options.compose(recipient), to, options, pace);
    if ('messageId' in result) {
      summary.sent++;
      await options.record({ day: options.day, to, sentAt: new Date(options.clock()).toISOString(), ...(result.messageId ? { messageId: result.messageId } : {}) });
      options.report(`sent ${to}`);
      continue;
    }
    summary.failed++;
    options.report(`failed ${to} (${result.failure}): ${result.error}`);
    if (result.failure === 'connection') {
      summary.skipped.notAttempted = options.recipients.length - index - 1;
      options.report(`stopped: the SMTP server cannot be reached; ${summary.skipped.notAttempted} not attempted (run again later: what was sent is not sent again)`);
      break;
    }
  }
  return summary;
}
