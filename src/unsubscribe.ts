/**
 * One-click unsubscribe (RFC 8058, https://www.rfc-editor.org/rfc/rfc8058): every digest carries a
 * per-recipient HTTPS link in its `List-Unsubscribe` header, and mail apps POST
 * `List-Unsubscribe=One-Click` to it when the reader presses their "Unsubscribe" button. The link
 * names the address and carries an HMAC of it, so nobody can unsubscribe someone else. The endpoint
 * (a Netlify Function: netlify/functions/unsubscribe.ts) records the request as a submission of the
 * site's `unsubscribe` Netlify form, next to the ones people send from /unsubscribe/. A GET never
 * unsubscribes (link scanners follow links); it leads to the unsubscribe page.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { addressKey } from './subscribers.ts';
import { EMAIL_FIELD, UNSUBSCRIBE_FORM, formSubmission } from './subscription.ts';
import { absoluteUrl, oneClickUnsubscribePath, unsubscribePath } from './urls.ts';

/** The token for an address: HMAC-SHA256 of its compared form, base64url. */
export function unsubscribeToken(secret: string, address: string): string {
  return createHmac('sha256', secret).update(`unsubscribe\0${addressKey(address)}`).digest('base64url');
}

export function isValidToken(secret: string, address: string, token: string): boolean {
  const expected = Buffer.from(unsubscribeToken(secret, address));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The one-click link for an address, e.g. `https://site/api/unsubscribe?email=…&token=…`. */
export function oneClickUrl(siteUrl: string, secret: string, address: string): string {
  const query = new URLSearchParams({ email: address, token: unsubscribeToken(secret, address) });
  return `${absoluteUrl(siteUrl, oneClickUnsubscribePath())}?${query}`;
}

export interface UnsubscribeEndpoint {
  /** The shared secret (`DIGEST_SECRET`): the same value signs links in `npm run digest -- send`. */
  secret: string | undefined;
  /** Posts a URL-encoded Netlify Forms submission to `url` (the site's own origin); resolves to the HTTP status. */
  submit: (url: string, body: string) => Promise<number>;
}

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(`${body}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers } });

/**
 * Handles a request to the one-click endpoint: a POST with a valid link is recorded as an
 * `unsubscribe` form submission on the same site (whatever its body: RFC 8058's is
 * `List-Unsubscribe=One-Click`); a GET or HEAD is sent on to the unsubscribe page.
 */
export async function handleUnsubscribe(request: Request, endpoint: UnsubscribeEndpoint): Promise<Response> {
  const url = new URL(request.url);
  if (request.method === 'GET' || request.method === 'HEAD') {
    return text(303, 'See the unsubscribe page.', { location: absoluteUrl(url.origin, unsubscribePath()) });
  }
  if (request.method !== 'POST') return text(405, 'Use POST.', { allow: 'GET, HEAD, POST' });
  if (!endpoint.secret) return text(500, 'Unsubscribing is not set up here: DIGEST_SECRET is missing.');
  const email = url.searchParams.get('email') ?? '';
  const token = url.searchParams.get('token') ?? '';
  if (!email || !isValidToken(endpoint.secret, email, token)) return text(403, 'This unsubscribe link is not valid.');
  const status = await endpoint.submit(`${url.origin}/`, formSubmission(UNSUBSCRIBE_FORM, { [EMAIL_FIELD]: email })).catch(() => 0);
  if (status < 200 || status >= 400) return text(502, 'Could not record the request; please try again later.');
  return text(200, `Unsubscribed ${email}: no more digests will be sent to this address.`);
}
