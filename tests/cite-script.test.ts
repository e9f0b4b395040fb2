import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCiteScript } from '../src/cite-script.ts';

describe('loadCiteScript', () => {
  it('serves the copy script under /assets/, named by a hash of its content', () => {
    const script = loadCiteScript();
    expect(script.path).toMatch(/^\/assets\/copy-bibtex\.[0-9a-f]{10}\.js$/);
    expect(script.js).toContain('navigator.clipboard');
  });

  it('changes its name when its content changes', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'paperfeed-script-'));
    await writeFile(path.join(dir, 'a.js'), 'one();');
    await writeFile(path.join(dir, 'b.js'), 'two();');
    const [a, b] = [loadCiteScript(path.join(dir, 'a.js')), loadCiteScript(path.join(dir, 'b.js'))];
    expect(a.path).not.toBe(b.path);
    expect(loadCiteScript(path.join(dir, 'a.js')).path).toBe(a.path);
  });
});
