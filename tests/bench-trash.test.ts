import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTrash } from '../src/bench-trash.ts';

describe('the benchmark’s trash', () => {
  it('moves folders aside whole, the same name twice included, and deletes them when emptied', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-trash-'));
    const trash = openTrash(path.join(work, 'trash'));
    const site = path.join(work, 'runs', '_site');
    for (const body of ['first', 'second']) {
      mkdirSync(path.join(site, 'papers'), { recursive: true });
      writeFileSync(path.join(site, 'papers', 'index.html'), body);
      trash.put(site);
      expect(existsSync(site)).toBe(false);
    }
    trash.put(path.join(work, 'never made'));
    const moved = readdirSync(path.join(work, 'trash')).sort();
    expect(moved).toHaveLength(2);
    expect(moved.map((name) => readFileSync(path.join(work, 'trash', name, 'papers', 'index.html'), 'utf8')).sort()).toEqual(['first', 'second']);
    expect(trash.empty()).toBe(2);
    expect(existsSync(path.join(work, 'trash'))).toBe(false);
    expect(trash.empty()).toBe(0);
  });
});
