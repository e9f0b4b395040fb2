/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) for tests that send mail: it keeps
 * every message it accepts, parsed with `mailparser`, and answers each recipient as a test's `rule`
 * says — accept, fail temporarily (4xx) a number of times, or reject for good (5xx).
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type Rule = { kind: 'accept' } | { kind: 'temporary'; times: number; code?: number } | { kind: 'permanent'; code?: number };

export interface ReceivedMail {
  /** Envelope recipients. */
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

export interface TestSmtpServer {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** RCPT TO commands seen, per address, accepted or not. */
  attempts: Map<string, number>;
  close(): Promise<void>;
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/** Starts a server; `rule` decides how each recipient address is answered (default: accept). */
export async function startSmtpServer(rule: (address: string) => Rule = () => ({ kind: 'accept' })): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const attempts = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const seen = (attempts.get(address.address) ?? 0) + 1;
      attempts.set(address.address, seen);
      const answer = rule(address.address);
      if (answer.kind === 'permanent') return callback(smtpError('mailbox unavailable', answer.code ?? 550));
      if (answer.kind === 'temporary' && seen <= answer.times) return callback(smtpError('try again later', answer.code ?? 451));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then((parsed) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, parsed });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
