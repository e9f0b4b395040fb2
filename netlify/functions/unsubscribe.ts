/**
 * Netlify Function: the one-click unsubscribe endpoint at /api/unsubscribe (RFC 8058). The edge
 * only: it reads DIGEST_SECRET from the environment and hands the request to src/unsubscribe.ts.
 * Set DIGEST_SECRET in Netlify's environment variables to the value `npm run digest -- send` uses.
 */
import { handleUnsubscribe } from '../../src/unsubscribe.ts';

async function submit(url: string, body: string): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    redirect: 'manual',
  });
  return response.status;
}

export default (request: Request): Promise<Response> => handleUnsubscribe(request, { secret: process.env.DIGEST_SECRET, submit });

// A literal: Netlify reads this at deploy time without running the file (tests check it is src/urls.ts's path).
export const config = { path: '/api/unsubscribe' };
