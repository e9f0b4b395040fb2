import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SizeOutcome } from '../src/bench-run.ts';
import type { CaseSummary, RunRecord } from '../src/bench-stats.ts';
import type { TargetResult } from '../src/bench-targets.ts';
import { SAMPLE_RECORDS_FILE, tempDir } from './helpers/bench.ts';

const repo = path.resolve(import.meta.dirname, '..');

interface Results {
  sizes: SizeOutcome[];
  summaries: CaseSummary[];
  targets: TargetResult[];
  runs: RunRecord[];
}

function bench(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', path.join(repo, 'scripts/bench.ts'), ...args], { cwd: repo, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run bench -- --quick', () => {
  it('builds 1,000 papers cold, warm and as the Eleventy baseline, and reports them', async () => {
    const work = tempDir('bench-run');
    const json = path.join(work, 'results.json');
    const { code, stdout, stderr } = await bench(['--quick', '--data', SAMPLE_RECORDS_FILE, '--work', work, '--json', json]);
    expect(code, stderr).toBe(0);

    // Progress on stderr: which size, which run, elapsed time, the build's own phase lines.
    expect(stderr).toMatch(/\[bench 0:\d\d:\d\d\] 1,000 papers · cold 1\/1/);
    expect(stderr).toMatch(/1,000 papers · warm 1\/1: [\d.]+ s wall/);
    expect(stderr).toContain('    load: 1000 papers');

    // The report on stdout: a row per kind, the phase table, every target.
    expect(stdout).toMatch(/^\| 1,000 \| paperfeed, cold \| 1 \| [\d.]+ \| [\d.]+ \|/m);
    expect(stdout).toMatch(/^\| 1,000 \| paperfeed, warm \+1 day \| 1 \|/m);
    expect(stdout).toMatch(/^\| 1,000 \| Eleventy baseline \| 1 \|/m);
    expect(stdout).toContain('### Time per phase');
    expect(stdout.match(/^- \*\*(PASS|FAIL|NOT MEASURED)\*\*/gm)).toHaveLength(7);

    const results = JSON.parse(readFileSync(json, 'utf8')) as Results;
    expect(results.runs.map((r) => [r.kind, r.code])).toEqual([['cold', 0], ['warm', 0], ['baseline', 0]]);
    const [cold, warm, baseline] = results.runs as [RunRecord, RunRecord, RunRecord];
    for (const run of results.runs) {
      expect(run.peakRss).toBeGreaterThan(50e6);
      expect(run.cpuMs).toBeGreaterThan(0);
      expect(run.memory.length).toBeGreaterThan(0);
    }
    expect(cold.phases.map((p) => p.name)).toEqual(expect.arrayContaining(['load', 'render', 'pages', 'write', 'done']));
    expect(cold.site.files).toBeGreaterThan(1000);
    expect(cold.cache?.files).toBeGreaterThan(0);
    // The warm build has the new day's 250 papers on top: more pages than the cold one.
    expect(warm.site.files).toBeGreaterThan(cold.site.files);
    expect(baseline.filesReported).toBe(1006);
    expect(results.targets.filter((t) => t.status === 'not measured').length).toBeGreaterThanOrEqual(6);

    // The first query is measured when the site has a search page, and only then.
    const [size] = results.sizes as [SizeOutcome];
    expect(size.query).toMatch(/^\p{L}+ \p{L}+$/u);
    if (cold.site.search) {
      expect(size.search?.resultsSeen).toBe(true);
      expect(size.search?.searchBytes).toBeGreaterThan(0);
    } else {
      expect(size.search).toBeNull();
    }
  });
});
