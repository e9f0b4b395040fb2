import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInvocation, cpuOf, failureLines, flushDisk, measureBuild, memoryCurve, projectBuildCommand } from '../src/bench-build.ts';
import { tempDir } from './helpers/bench.ts';

/** A stand-in build: prints phase lines like the real one, writes `files` pages into --out, exits with `code`. */
function fakeBuild(files: number, code = 0): string {
  const dir = tempDir('fake-build');
  const script = path.join(dir, 'build.mjs');
  writeFileSync(script, `
    import { mkdirSync, writeFileSync } from 'node:fs';
    const out = process.argv[process.argv.indexOf('--out') + 1];
    console.log('load: ${files} papers read and checked, 0 errors (5 ms)');
    for (let i = 0; i < ${files}; i++) { mkdirSync(out + '/papers/' + i, { recursive: true }); writeFileSync(out + '/papers/' + i + '/index.html', 'x'.repeat(10)); }
    console.log('write: ${files} files by Eleventy (7 ms)');
    if (${code}) { console.error('build failed: 1 content error'); process.exit(${code}); }
    console.log('done: _site in 12 ms');`);
  return script;
}

describe('the build command', () => {
  it('runs a plain node build script without npm, keeping its flags', () => {
    expect(buildInvocation('node --import tsx scripts/build.ts', '/bin/node')).toEqual(['/bin/node', '--import', 'tsx', 'scripts/build.ts']);
    expect(buildInvocation('node --max-old-space-size=4096 --import tsx scripts/build.ts', '/bin/node')).toEqual(['/bin/node', '--max-old-space-size=4096', '--import', 'tsx', 'scripts/build.ts']);
  });

  it('falls back to npm run build for anything else', () => {
    for (const script of ['eleventy && pagefind --site _site', 'NODE_ENV=production node x.js', 'node x.js; rm -rf y', undefined]) {
      expect(buildInvocation(script, '/bin/node')).toEqual(['npm', 'run', 'build', '--']);
    }
  });

  it('reads this project’s build script', () => {
    expect(projectBuildCommand(path.resolve(import.meta.dirname, '..'))).toEqual([process.execPath, '--max-semi-space-size=32', '--no-allocation-site-pretenuring', '--import', 'tsx', 'scripts/build.ts']);
  });
});

describe('a measured build', () => {
  it('records time, memory, phases, files on disk and the cache folder', async () => {
    const dir = tempDir('measured');
    const cacheDir = path.join(dir, 'cache');
    mkdirSync(cacheDir);
    writeFileSync(path.join(cacheDir, 'a.json.gz'), 'abc');
    const outDir = path.join(dir, '_site');
    mkdirSync(outDir);
    writeFileSync(path.join(outDir, 'stale.html'), 'from an earlier run');
    const log: string[] = [];
    const record = await measureBuild({ size: 20, kind: 'cold', run: 2, argv: [process.execPath, fakeBuild(20), '--out', outDir], cwd: dir, env: process.env, outDir, cacheDir }, (line) => log.push(line));
    expect(record).toMatchObject({ size: 20, kind: 'cold', run: 2, code: 0, filesReported: 20, cache: { files: 1, bytes: 3 } });
    expect(record.site).toMatchObject({ files: 20, bytes: 200 });
    expect(record.phases.map((p) => p.name)).toEqual(['load', 'write', 'done']);
    expect(record.peakRss).toBeGreaterThan(0);
    expect(record.cpuMs).toBeGreaterThan(0);
    expect(record.failure).toBeUndefined();
    expect(existsSync(path.join(outDir, 'stale.html'))).toBe(false);
    expect(log).toContain('    write: 20 files by Eleventy (7 ms)');
  });

  it('echoes every phase line but only the first ten other lines to the progress log', async () => {
    const dir = tempDir('chatty');
    const script = path.join(dir, 'build.mjs');
    writeFileSync(script, `for (let i = 0; i < 15; i++) console.warn('a.md: warning: ' + i); console.log('search: 1 paper in 1 index, 9 files (3 ms)');`);
    const log: string[] = [];
    await measureBuild({ size: 1, kind: 'cold', run: 1, argv: [process.execPath, script], cwd: dir, env: process.env, outDir: path.join(dir, '_site') }, (line) => log.push(line));
    expect(log.filter((line) => line.includes('warning'))).toHaveLength(10);
    expect(log).toContain('    search: 1 paper in 1 index, 9 files (3 ms)');
    expect(log).toContain('    (5 more lines of output not shown)');
  });

  it('keeps the last lines of a build that failed', async () => {
    const outDir = path.join(tempDir('failed'), '_site');
    const record = await measureBuild({ size: 3, kind: 'warm', run: 1, argv: [process.execPath, fakeBuild(3, 1), '--out', outDir], cwd: tempDir(), env: process.env, outDir }, () => {});
    expect(record.code).toBe(1);
    expect(record.failure).toContain('build failed: 1 content error');
    expect(record.cache).toBeUndefined();
  });
});

describe('why a build failed', () => {
  it('keeps the first error-like lines, such as an out-of-memory message before a long stack, and the last lines', () => {
    const lines = ['load: 60000 papers (5 ms)', 'a.md: warning: abstract: formula failed', 'FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory', ...Array.from({ length: 30 }, (_, i) => ` ${i}: 0xb78db3 node::OOMErrorHandler`)];
    const kept = failureLines(lines);
    expect(kept[0]).toMatch(/JavaScript heap out of memory/);
    expect(kept).toHaveLength(11);
    expect(kept.at(-1)).toBe(' 29: 0xb78db3 node::OOMErrorHandler');
    expect(kept.some((line) => line.includes('warning'))).toBe(false);
  });
});

describe('the memory curve', () => {
  it('keeps one sample per half second, in seconds and MB', () => {
    const samples = [0, 100, 499, 500, 700, 1001].map((t) => ({ t, rss: t * 1e6, cpuMs: 0, processes: 1 }));
    expect(memoryCurve(samples)).toEqual([[0, 0], [0.5, 500], [1, 1001]]);
  });
});

describe('cpuOf', () => {
  const sampler = (cpuMs?: number) => ({ samples: cpuMs === undefined ? [] : [{ t: 0, rss: 1, cpuMs: 0, processes: 1 }, { t: 50, rss: 1, cpuMs, processes: 2 }], peakRss: 1, peakAt: 0, peakByName: {}, maxProcesses: 2 });
  it('takes the sampled CPU when the shell\'s times miss a process nobody waited for (Pagefind\'s binary)', () => {
    expect(cpuOf({ cpu: { userMs: 800, sysMs: 200 }, sampler: sampler(1700.4) })).toEqual({ cpuMs: 1700 });
  });
  it('takes the shell\'s times when they hold more (processes too short to be sampled)', () => {
    expect(cpuOf({ cpu: { userMs: 800, sysMs: 200 }, sampler: sampler(900) })).toEqual({ cpuMs: 1000 });
    expect(cpuOf({ sampler: sampler(900) })).toEqual({ cpuMs: 900 });
    expect(cpuOf({ sampler: sampler() })).toEqual({});
  });
});

describe('flushDisk', () => {
  it('runs sync and says how long it took', () => {
    const ran: string[] = [];
    let clock = 100;
    expect(flushDisk((command) => void (ran.push(command), (clock += 2500)), () => clock)).toBe(2500);
    expect(ran).toEqual(['sync']);
  });

  it('really flushes on this system', () => {
    expect(flushDisk()).toBeGreaterThanOrEqual(0);
  });
});

