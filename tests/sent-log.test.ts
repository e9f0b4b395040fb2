import { appendFile, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendSentEntry, lockSentLog, readSentLog, sentKey } from '../src/sent-log.ts';

const logFile = async () => path.join(await mkdtemp(path.join(os.tmpdir(), 'paperfeed-log-')), 'sent.jsonl');
const entry = (to: string, day = '2025-01-07') => ({ day, to, sentAt: '2025-01-07T06:00:00.000Z', messageId: `<${to}>` });

describe('the sent-log', () => {
  it('is empty when the file does not exist yet', async () => {
    expect(await readSentLog(await logFile())).toEqual({ sent: new Map(), problems: [] });
  });

  it('reads back what was appended, one JSON line each, keyed by day and address', async () => {
    const file = await logFile();
    await appendSentEntry(file, entry('ada@example.org'));
    await appendSentEntry(file, entry('山田@example.jp'.replace('山田', 'yamada')));
    await appendSentEntry(file, entry('ada@example.org', '2025-01-08'));
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual([entry('ada@example.org'), entry('yamada@example.jp'), entry('ada@example.org', '2025-01-08')]);
    const { sent } = await readSentLog(file);
    expect([...sent.keys()]).toEqual(['2025-01-07 ada@example.org', '2025-01-07 yamada@example.jp', '2025-01-08 ada@example.org']);
    expect(sent.has(sentKey('2025-01-07', 'ADA@example.org'))).toBe(true);
  });

  it('reports and ignores a line cut short by a crash, and mends the file when locked', async () => {
    const file = await logFile();
    await appendSentEntry(file, entry('ada@example.org'));
    await appendFile(file, '{"day":"2025-01-07","to":"bo');
    const before = await readSentLog(file);
    expect(before.sent.size).toBe(1);
    expect(before.problems).toEqual([expect.stringMatching(/sent\.jsonl:2: not a sent-log entry/)]);
    const release = await lockSentLog(file, 1234);
    await appendSentEntry(file, entry('carol@example.org'));
    await release();
    const after = await readSentLog(file);
    expect([...after.sent.values()].map((e) => e.to)).toEqual(['ada@example.org', 'carol@example.org']);
  });

  it('lets one run at a time hold the lock, and says what to do when a crashed run left it', async () => {
    const file = await logFile();
    const release = await lockSentLog(file, 1234);
    expect(await readFile(`${file}.lock`, 'utf8')).toBe('1234\n');
    await expect(lockSentLog(file, 5678)).rejects.toThrow(/another send \(process 1234\) is running.*delete that file/);
    await release();
    await expect(stat(`${file}.lock`)).rejects.toThrow();
    const again = await lockSentLog(file, 5678);
    await again();
  });

  it('ignores lines that are JSON but not entries', async () => {
    const file = await logFile();
    await writeFile(file, '[]\n{"day":1}\nnull\n');
    expect((await readSentLog(file)).problems).toHaveLength(3);
  });
});
