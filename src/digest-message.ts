/**
 * A built digest as email: reading `/digest/DAY.html` and `.txt` from the built site (what was
 * built and reviewed is what is sent), and composing one multipart message per recipient with the
 * list headers mail apps use for their own "Unsubscribe" button: `List-Unsubscribe` with the
 * recipient's signed one-click link (./unsubscribe.ts) and a `mailto:` to the sender, and
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SendMailOptions } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import type { Recipient } from './subscribers.ts';
import { oneClickUrl } from './unsubscribe.ts';
import { digestPath } from './urls.ts';

export interface BuiltDigest {
  day: string;
  subject: string;
  html: string;
  text: string;
}

export interface MessageContext {
  /** `Name <address>` (settings.digestFrom). */
  from: string;
  siteTitle: string;
  siteUrl: string;
  /** Signs one-click links; the Netlify Function checks them with the same value. */
  secret: string;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The text of the digest's <title>, which is its subject (written escaped by src/digest-html.ts). */
export function subjectOf(html: string): string | undefined {
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
  return title?.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] as string);
}

/**
 * Reads one day's built digest from the site folder. Throws, saying what to do, when the day has
 * no digest or the digest was built for another site URL than the one links are signed for.
 */
export async function readBuiltDigest(siteDir: string, day: string, siteUrl: string): Promise<BuiltDigest> {
  const file = (format: 'html' | 'txt') => path.join(siteDir, digestPath(day, format));
  let html: string;
  let text: string;
  try {
    [html, text] = await Promise.all([readFile(file('html'), 'utf8'), readFile(file('txt'), 'utf8')]);
  } catch {
    throw new Error(
      `no digest for ${day} in ${path.join(siteDir, 'digest')}: build the site first (npm run build); ` +
        'digests are written for the newest listing days (settings.digestDays)',
    );
  }
  const subject = subjectOf(html);
  if (!subject) throw new Error(`${file('html')} has no <title>: build the site again`);
  if (!html.includes(`href="${siteUrl}/`)) {
    throw new Error(`${file('html')} was built for another site URL than ${siteUrl}: build again with the same SITE_URL, or set SITE_URL to the one it was built for`);
  }
  return { day, subject, html, text };
}

/** The sender's bare address, from `Name <address>`. */
export function senderAddress(from: string): string {
  const address = addressparser(from, { flatten: true })[0]?.address;
  if (!address) throw new Error(`settings.digestFrom "${from}" has no email address: write it as Name <address@your-domain>`);
  return address;
}

/** The message for one recipient. */
export function composeMessage(digest: BuiltDigest, recipient: Recipient, context: MessageContext): SendMailOptions {
  const sender = senderAddress(context.from);
  const mailto = `mailto:${sender}?subject=${encodeURIComponent(`unsubscribe ${recipient.address}`)}`;
  return {
    from: context.from,
    to: recipient.name ? { name: recipient.name, address: recipient.address } : recipient.address,
    subject: digest.subject,
    text: digest.text,
    html: digest.html,
    textEncoding: 'quoted-printable',
    list: {
      // One header holding both: RFC 8058 reads the HTTPS link from the List-Unsubscribe header.
      unsubscribe: [[oneClickUrl(context.siteUrl, context.secret, recipient.address), mailto]],
      id: { url: `digest.${new URL(context.siteUrl).hostname}`, comment: `${context.siteTitle} daily digest` },
    },
    headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
