/**
 * The HTML part of a day's email digest (./digest.ts decides what it holds). Email clients are not
 * browsers: layout is one presentation table (Outlook for Windows ignores widths and padding on
 * anything else), CSS is inlined with juice (Gmail and others drop or rewrite <style>), and only
 * the media queries stay in a <style> block: dark colours for clients that honour
 * `prefers-color-scheme`, narrower padding on phones. No scripts, fonts, images or other external
 * resources. Every string from content is escaped here.
 */
import juice from 'juice';
import { countOf } from './filters.ts';
import { escapeHtml } from './markdown.ts';
import type { Digest, DigestPaper } from './digest.ts';

// juice hides `{{ }}` and `<% %>` blocks from its parser as template code and puts them back after;
// digests have no template code, while abstracts and titles do contain `{{`: turn that off.
for (const key of Object.keys(juice.codeBlocks)) delete juice.codeBlocks[key];

const FONT = 'system-ui, -apple-system, \'Segoe UI\', Roboto, \'Noto Sans\', \'Helvetica Neue\', Arial, sans-serif';

/** Light colours inline; dark ones (the site's own tokens) override them with !important where honoured. */
export const DIGEST_CSS = `
:root { color-scheme: light dark; }
body { margin: 0; padding: 0; width: 100%; background-color: #f4f3ef; color: #1d1d1f; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
.frame { width: 100%; border-collapse: collapse; background-color: #f4f3ef; }
.frame-cell { padding: 24px 12px; }
.container { width: 100%; max-width: 600px; margin: 0 auto; border-collapse: collapse; background-color: #ffffff; border: 1px solid #dedbd3; }
td { font-family: ${FONT}; font-size: 16px; line-height: 1.5; color: #1d1d1f; }
a { color: #1f5fbf; }
p { margin: 0; }
.header { padding: 24px 24px 16px; }
.brand { margin: 0 0 8px; font-size: 14px; font-weight: 700; }
.brand a { color: #1d1d1f; }
h1 { margin: 0 0 8px; font-size: 24px; line-height: 1.25; font-weight: 700; }
.intro { color: #5a5a63; font-size: 15px; }
.paper, .more, .footer { padding: 16px 24px; border-top: 1px solid #dedbd3; }
h2 { margin: 0 0 4px; font-size: 18px; line-height: 1.3; font-weight: 700; }
.authors { margin: 0 0 6px; color: #5a5a63; font-size: 14px; }
.excerpt { margin: 0 0 6px; font-size: 15px; }
.meta { color: #5a5a63; font-size: 13px; }
.footer { padding-bottom: 24px; color: #5a5a63; font-size: 13px; }
.footer p + p { margin-top: 8px; }
@media (prefers-color-scheme: dark) {
  body, .frame { background-color: #15161a !important; }
  .container { background-color: #1d1f24 !important; border-color: #33363e !important; }
  td, h1, h2, .brand a { color: #ececef !important; }
  .intro, .authors, .meta, .footer { color: #a9abb4 !important; }
  a { color: #8cb8ff !important; }
  .paper, .more, .footer { border-color: #33363e !important; }
}
@media (max-width: 620px) {
  .frame-cell { padding: 0 !important; }
  .header, .paper, .more, .footer { padding-left: 16px !important; padding-right: 16px !important; }
}
`;

const link = (url: string, label: string) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;

function paperRow(paper: DigestPaper): string {
  const authors = paper.authors ? `<p class="authors" dir="auto">${escapeHtml(paper.authors)}</p>` : '';
  const topics = paper.topics.length
    ? ` · Topics: ${paper.topics.map((topic) => `<span dir="auto">${escapeHtml(topic)}</span>`).join(', ')}`
    : '';
  return `<tr><td class="paper">
<h2 dir="auto">${link(paper.url, paper.title)}</h2>
${authors}<p class="excerpt" dir="auto">${escapeHtml(paper.excerpt)}</p>
<p class="meta">${countOf(paper.upvotes, 'upvote')}${topics}</p>
</td></tr>`;
}

function headerRow(digest: Digest): string {
  const order = digest.count === 1 ? '1 paper' : `${countOf(digest.count, 'paper')}, most upvoted first`;
  return `<tr><td class="header">
<p class="brand">${link(digest.siteUrl, digest.siteTitle)}</p>
<h1>Trending papers of ${escapeHtml(digest.dayLabel)}</h1>
<p class="intro">${order}. ${link(digest.webUrl, 'Read it on the web')}</p>
</td></tr>`;
}

/** The "see all N papers" row of a digest that shows only part of its day; empty otherwise. */
function moreRow(digest: Digest): string {
  const shown = digest.papers.length;
  if (shown >= digest.count) return '';
  const why = shown === 0 ? 'This email has no room for them.' : `This email shows the ${shown} most upvoted.`;
  return `<tr><td class="more"><p>${why} ${link(digest.webUrl, `See all ${countOf(digest.count, 'paper')} of ${digest.dayLabel}`)}</p></td></tr>`;
}

function footerRow(digest: Digest): string {
  const feeds = digest.feeds.map((feed) => link(feed.url, feed.label)).join(' · ');
  return `<tr><td class="footer">
<p>You get this email because you subscribed to the daily digest of ${link(digest.siteUrl, digest.siteTitle)}. ${link(digest.unsubscribeUrl, 'Unsubscribe')} at any time.</p>
<p>Prefer a feed reader? ${feeds}</p>
</td></tr>`;
}

/**
 * The whole message. The `[if mso]` comments give Outlook for Windows, which ignores max-width, a
 * fixed 600 px table; html-validate is told that these conditional comments are meant.
 */
function documentOf(digest: Digest): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(digest.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="format-detection" content="telephone=no, date=no, address=no, email=no">
<meta name="robots" content="noindex">
<title>${escapeHtml(digest.subject)}</title>
<style>${DIGEST_CSS}</style>
</head>
<body>
<table role="presentation" class="frame"><tbody><tr><td class="frame-cell">
<!-- [html-validate-disable-block no-conditional-comment] -->
<!--[if mso]><table role="presentation" style="width:600px;margin:0 auto;border-collapse:collapse"><tr><td><![endif]-->
<table role="presentation" class="container"><tbody>
${headerRow(digest)}
${digest.papers.map(paperRow).join('\n')}
${moreRow(digest)}
${footerRow(digest)}
</tbody></table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr></tbody></table>
</body>
</html>
`;
}

/** The digest as an email-ready HTML document, styles inlined. */
export function renderDigestHtml(digest: Digest): string {
  return juice(documentOf(digest), {
    removeStyleTags: true,
    preserveMediaQueries: true,
    preserveImportant: false,
    applyWidthAttributes: false,
    applyHeightAttributes: false,
    applyAttributesTableElements: false,
    inlinePseudoElements: false,
    resolveCSSVariables: false,
  });
}
