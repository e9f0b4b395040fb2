/**
 * The XSL stylesheet that `/rss.xml`, `/atom.xml` and the topic feeds point to with
 * `<?xml-stylesheet?>` (./feed-stylesheet.xsl): a browser that opens a feed shows a page in the
 * site's style that says what a feed is, gives the address to copy into a reader, and lists the
 * feed's papers. Feed readers ignore it, so the feeds stay exactly as valid. This module only fills
 * in the site's title and paths, escaped; everything from a feed is printed by the XSL as text.
 */
import { readFileSync } from 'node:fs';
import { feedsPath, topicsPath } from './urls.ts';
import { escapeXmlAttr, escapeXmlText } from './xml.ts';

export interface FeedStylesheetOptions {
  siteTitle: string;
  /** The site's hashed stylesheet, e.g. `/assets/main.3f9a2c1b0d.css`. */
  cssPath: string;
}

const TEMPLATE = readFileSync(new URL('./feed-stylesheet.xsl', import.meta.url), 'utf8');

/** An attribute of a literal result element: braces are attribute value templates in XSLT, so they are doubled. */
const literalAttr = (value: string) => escapeXmlAttr(value).replace(/[{}]/g, (brace) => brace + brace);

export function renderFeedStylesheet(options: FeedStylesheetOptions): string {
  const values: Record<string, string> = {
    '@SITE_TITLE@': escapeXmlText(options.siteTitle),
    '@STYLESHEET@': literalAttr(options.cssPath),
    '@TOPICS@': literalAttr(topicsPath()),
    '@FEEDS@': literalAttr(feedsPath()),
  };
  return TEMPLATE.replace(/@[A-Z_]+@/g, (placeholder) => values[placeholder] ?? placeholder);
}
