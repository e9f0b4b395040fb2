/**
 * The site's own `_redirects` file, written by every build: the redirects that depend on the
 * papers (arXiv-style `/abs/<id>`, versioned ids, papers with their own PDF) and on the newest day.
 * Netlify applies it before netlify.toml's generic rules. Two lines per arXiv paper is the least
 * that strips a version (`2310.02970v3`): Netlify's patterns cannot cut a segment in two, but a
 * `*` may end one. See README "Deploying" for the status codes.
 */
import { arxivPdfUrl } from './arxiv.ts';
import type { Paper } from './content.ts';
import type { Link } from './views.ts';
import { absPath, href, latestPath, paperPath, pdfPath } from './urls.ts';

export interface RedirectLine {
  from: string;
  to: string;
  status: number;
}

export interface LatestLinks {
  day: Link;
  week: Link;
  month: Link;
}

/** Every redirect that depends on content, in a stable order: the newest periods, then papers by id. */
export function siteRedirects(papers: Pick<Paper, 'id' | 'arxiv' | 'arxivVersion' | 'pdf'>[], latest?: LatestLinks): RedirectLine[] {
  const lines: RedirectLine[] = [];
  if (latest) {
    // 302: the newest day changes with every daily build, so browsers must not remember it.
    lines.push({ from: latestPath('date'), to: latest.day.url, status: 302 });
    lines.push({ from: latestPath('week'), to: latest.week.url, status: 302 });
    lines.push({ from: latestPath('month'), to: latest.month.url, status: 302 });
  }
  const sorted = [...papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const paper of sorted) lines.push(...paperRedirects(paper));
  return lines;
}

function paperRedirects(paper: Pick<Paper, 'id' | 'arxiv' | 'arxivVersion' | 'pdf'>): RedirectLine[] {
  const page = href(paperPath(paper.id));
  const lines: RedirectLine[] = [];
  if (paper.arxiv) {
    // 301: a paper's page is its permanent address; `*` takes both /abs/<id> and /abs/<id>v<N>.
    lines.push({ from: `${absPath(paper.arxiv)}*`, to: page, status: 301 });
    lines.push({ from: `${paperPath(paper.arxiv).slice(0, -1)}v*`, to: page, status: 301 });
  }
  const pdf = paper.pdf ?? (paper.arxiv ? arxivPdfUrl(paper.arxiv, paper.arxivVersion) : undefined);
  const generic = paper.arxiv ? arxivPdfUrl(paper.arxiv) : undefined;
  // netlify.toml sends /pdf/<arXiv id> to arXiv's PDF; a paper with another PDF needs its own rule.
  if (pdf && pdf !== generic && isSafeTarget(pdf)) lines.push({ from: pdfPath(paper.id), to: pdf, status: 302 });
  else if (!pdf) lines.push({ from: pdfPath(paper.id), to: '/404.html', status: 404 });
  return lines;
}

/** A destination is one token: normalized URLs have no whitespace, but content is untrusted. */
function isSafeTarget(url: string): boolean {
  return /^https?:\/\/[^\s#]+(#\S*)?$/.test(url);
}

/** The `_redirects` file: one forced rule per line (the paths never exist as files). */
export function formatRedirects(lines: RedirectLine[]): string {
  const header = '# Written by every build from the papers (src/site-redirects.ts); applied before netlify.toml.\n';
  return header + lines.map((line) => `${line.from}  ${line.to}  ${line.status}!\n`).join('');
}
