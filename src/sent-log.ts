/**
 * The digest's sent-log: one JSON line per delivered message (`{"day","to","sentAt","messageId"}`),
 * so running `npm run digest -- send` again for a day never mails an address twice. Each line is
 * appended with a single write in append mode and flushed to disk before the next message goes out;
 * a lock file keeps two runs from sending side by side. A line cut short by a crash is reported and
 * ignored, and the file is mended so the next line starts on a line of its own.
 */
import { open, readFile, rm, writeFile } from 'node:fs/promises';
import { addressKey } from './subscribers.ts';

export interface SentEntry {
  /** The listing day of the digest, `YYYY-MM-DD`. */
  day: string;
  /** The address as sent to. */
  to: string;
  /** When the SMTP server accepted it, ISO 8601 UTC. */
  sentAt: string;
  messageId?: string;
}

export interface SentLog {
  /** Entries by {@link sentKey}. */
  sent: Map<string, SentEntry>;
  /** One line per unreadable line of the file. */
  problems: string[];
}

/** The identity of a delivery: one day's digest to one address. */
export function sentKey(day: string, address: string): string {
  return `${day} ${addressKey(address)}`;
}

function isEntry(value: unknown): value is SentEntry {
  const entry = value as SentEntry;
  return typeof entry === 'object' && entry !== null && typeof entry.day === 'string' && typeof entry.to === 'string';
}

/** Reads the log; a missing file is an empty log. */
export async function readSentLog(file: string): Promise<SentLog> {
  const log: SentLog = { sent: new Map(), problems: [] };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return log;
    throw error;
  }
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (isEntry(value)) log.sent.set(sentKey(value.day, value.to), value);
    else log.problems.push(`${file}:${i + 1}: not a sent-log entry (a line cut short by a crash?); ignored`);
  });
  return log;
}

/** Appends one entry as one line and flushes it to disk. */
export async function appendSentEntry(file: string, entry: SentEntry): Promise<void> {
  const handle = await open(file, 'a');
  try {
    await handle.write(`${JSON.stringify(entry)}\n`);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** Ends the log with a line break when a crash left its last line unfinished. */
async function mendLastLine(file: string): Promise<void> {
  const handle = await open(file, 'a+').catch(() => undefined);
  if (!handle) return;
  try {
    const { size } = await handle.stat();
    if (size === 0) return;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    if (last[0] !== 0x0a) await handle.write('\n');
  } finally {
    await handle.close();
  }
}

/**
 * Takes the log's lock (`<file>.lock`, holding the process id) and mends the log; returns the
 * function that releases the lock. Throws, saying what to do, when another run holds it.
 */
export async function lockSentLog(file: string, pid: number): Promise<() => Promise<void>> {
  const lock = `${file}.lock`;
  try {
    await writeFile(lock, `${pid}\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = (await readFile(lock, 'utf8').catch(() => '')).trim();
    throw new Error(
      `${lock} exists: another send (process ${holder || 'unknown'}) is running. ` +
        'If no other send is running (it crashed), delete that file and run again.',
      { cause: error },
    );
  }
  await mendLastLine(file);
  return () => rm(lock, { force: true });
}
