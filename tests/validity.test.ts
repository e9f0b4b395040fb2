import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { calendarCorpus, hostileCorpus } from './helpers/corpus.ts';
import { writePapers } from './helpers/papers.ts';
import { root, runBuild, type BuildRun } from './helpers/site.ts';
import { htmlFilesUnder, htmlValidateProblems, nuCheckerProblems } from './helpers/validators.ts';

describe('the HTML of built sites', () => {
  let sample: BuildRun;
  let hostile: BuildRun;
  beforeAll(async () => {
    [sample, hostile] = await Promise.all([
      runBuild(path.join(root, 'content/papers')),
      runBuild(await writePapers({ ...hostileCorpus(), ...calendarCorpus() })),
    ]);
    expect([sample.code, hostile.code]).toEqual([0, 0]);
  });

  it('passes the Nu HTML Checker with no error or warning', async () => {
    expect((await htmlFilesUnder(sample.outDir)).length).toBeGreaterThan(25);
    expect(await htmlFilesUnder(sample.outDir)).toContain(path.join(sample.outDir, 'feeds/index.html'));
    expect(await nuCheckerProblems(sample.outDir, hostile.outDir)).toEqual([]);
  });

  it('checks the email digests and the subscription pages too', async () => {
    const files = (await htmlFilesUnder(hostile.outDir)).map((file) => path.relative(hostile.outDir, file));
    expect(files).toEqual(expect.arrayContaining(['digest/2025-01-07.html', 'subscribed/index.html', 'unsubscribe/index.html', 'unsubscribed/index.html']));
  });

  it('passes html-validate (recommended and a11y rules)', async () => {
    expect([...(await htmlValidateProblems(sample.outDir)), ...(await htmlValidateProblems(hostile.outDir))]).toEqual([]);
  });
});
