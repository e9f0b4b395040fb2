/**
 * Real validators over a built site: the Nu HTML Checker (vnu.jar from the vnu-jar package, run
 * with Java 17) on every HTML file in one JVM, and html-validate with the project's rules
 * (.htmlvalidate.json). Both return one line per problem, so a failing test shows what and where.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { root } from './site.ts';

const run = promisify(execFile);
const VNU_JAR = path.join(root, 'node_modules/vnu-jar/build/dist/vnu.jar');

export async function htmlFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name)).sort();
}

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
}

/** Nu HTML Checker errors and warnings for every HTML file under the given folders. */
export async function nuCheckerProblems(...dirs: string[]): Promise<string[]> {
  const args = ['-Xss16m', '-jar', VNU_JAR, '--skip-non-html', '--format', 'json', '--stdout', '--exit-zero-always', ...dirs];
  const { stdout } = await run('java', args, { maxBuffer: 256 * 1024 * 1024 });
  const { messages } = JSON.parse(stdout) as { messages: VnuMessage[] };
  return messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error' || m.subType === 'warning')
    .map((m) => `${m.url ?? ''}:${m.lastLine ?? 0}: ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}`);
}

/** html-validate problems for every HTML file under `dir`, with the project's configuration. */
export async function htmlValidateProblems(dir: string): Promise<string[]> {
  const config = JSON.parse(await readFile(path.join(root, '.htmlvalidate.json'), 'utf8')) as ConfigData;
  const validator = new HtmlValidate(new StaticConfigLoader(config));
  const problems: string[] = [];
  for (const file of await htmlFilesUnder(dir)) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
    }
  }
  return problems;
}
