/**
 * A production build with settings other than the defaults (e.g. tiny search shards), run the way
 * `runBuild` runs one: in a child process, through `buildSite`. Run directly, it is that child:
 * `node --import tsx tests/helpers/build-with-settings.ts PAPERS OUT '{"searchShardPapers":3}'`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildSite } from '../../src/build.ts';
import { resolveSettings, type SiteSettings } from '../../src/site.ts';
import { root, type BuildRun } from './site.ts';

export async function runBuildWithSettings(papersDir: string, overrides: Partial<SiteSettings>): Promise<BuildRun> {
  const outDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'paperfeed-site-')), '_site');
  const args = ['--import', 'tsx', import.meta.filename, papersDir, outDir, JSON.stringify(overrides)];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr, outDir });
    });
  });
}

if (process.argv[1] === import.meta.filename) {
  const [papersDir, outDir, overrides] = process.argv.slice(2) as [string, string, string];
  const settings = resolveSettings({ URL: 'https://papers.example.org' }, JSON.parse(overrides) as Partial<SiteSettings>);
  buildSite({ root, papersDir, outDir, settings }).then(
    (result) => process.exit(result.ok ? 0 : 1),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
