/**
 * `npm run preview`: serves the built site (`_site/`, or `--dir DIR`) on 127.0.0.1 the way Netlify
 * would, applying netlify.toml's headers and redirects and the site's own _redirects, so a CSP or
 * redirect problem shows up before a deploy. The decisions are src/netlify-serve.ts; this file
 * only reads files and speaks HTTP. Rules are read again when netlify.toml or _redirects change.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseNetlifyConfig } from '../src/netlify-config.ts';
import { answer, createServeRules, etagOf, isNotModified, type ServeRules } from '../src/netlify-serve.ts';
import { formatProblem } from '../src/problems.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: path.join(root, '_site') },
    config: { type: 'string', default: path.join(root, 'netlify.toml') },
    port: { type: 'string', default: '8888' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const siteDir = path.resolve(values.dir);

const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};
const mtime = (file: string) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const isFile = (relative: string) => statSync(path.join(siteDir, relative), { throwIfNoEntry: false })?.isFile() ?? false;

let loaded: { stamp: string; rules: ServeRules } | undefined;

/** The rules, read again whenever netlify.toml, _redirects or _headers changed (a rebuild). */
function currentRules(): ServeRules {
  const files = [values.config, path.join(siteDir, '_redirects'), path.join(siteDir, '_headers')];
  const stamp = files.map(mtime).join();
  if (loaded?.stamp === stamp) return loaded.rules;
  const { config, problems: configProblems } = parseNetlifyConfig(read(values.config) ?? '', path.relative(root, values.config));
  const { rules, problems } = createServeRules(config, { redirects: read(files[1] as string), headers: read(files[2] as string) });
  for (const problem of [...configProblems, ...problems]) console.warn(formatProblem(problem));
  console.log(`preview: ${rules.redirects.size} redirect rules, ${config.headers.length} header rules`);
  loaded = { stamp, rules };
  return rules;
}

function handle(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://preview');
  const result = answer({ method: request.method ?? 'GET', path: url.pathname, query: url.search.slice(1), host: request.headers.host ?? '' }, isFile, currentRules());
  let body: Uint8Array = Buffer.from(result.text ?? '');
  const headers: Record<string, string> = { ...result.headers };
  let status = result.status;
  if (result.file) {
    body = readFileSync(path.join(siteDir, result.file));
    headers.ETag = etagOf(body);
    if (status === 200 && isNotModified(request.headers['if-none-match'], headers.ETag)) {
      status = 304;
      body = new Uint8Array();
    }
  }
  headers['Content-Length'] = String(body.byteLength);
  response.writeHead(status, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

if (!statSync(path.join(siteDir, 'index.html'), { throwIfNoEntry: false })) {
  console.error(`preview: ${siteDir} has no index.html: run "npm run build" first`);
  process.exit(1);
}
currentRules();
const server = createServer((request, response) => {
  try {
    handle(request, response);
  } catch (error) {
    console.error(error);
    response.writeHead(500, { 'Content-Type': 'text/plain; charset=UTF-8' });
    response.end('Internal error in the preview server');
  }
});
server.listen(Number(values.port), values.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : values.port;
  console.log(`preview: serving ${path.relative(root, siteDir) || siteDir} like Netlify at http://${values.host}:${port}/`);
});
