/**
 * The email-client check for digest HTML: `@jsx-email/doiuse-email` looks up every HTML element,
 * attribute, CSS property and selector of a message in the caniemail.com data, for all the clients
 * it knows. A few features are allowed where a client lacks them, because the message reads the
 * same without them; anything else a client lacks fails the check.
 */
import { doIUseEmail } from '@jsx-email/doiuse-email';

/** Features some clients lack and the digest may still use, with why it is fine. */
export const ALLOWED_GAPS: Record<string, string> = {
  '@media': 'dark colours and narrow-screen padding are enhancements; the inline light styles stand alone',
  '<body> element': 'webmail replaces <body> by a <div>; every style the layout needs is on the tables too',
  'role attribute': 'role="presentation" only tells screen readers the tables are layout; ignored elsewhere',
  'lang attribute': 'a language hint for screen readers; ignored where unsupported',
};

/** One line per feature some client lacks that is not in {@link ALLOWED_GAPS}. */
export function emailClientProblems(html: string): string[] {
  const result = doIUseEmail(html, { emailClients: ['*'] });
  const errors = result.success ? [] : result.errors;
  return [...new Set(errors)].filter((error) => {
    const feature = /^`(.+?)` is not supported by/.exec(error)?.[1];
    return !feature || !(feature in ALLOWED_GAPS);
  });
}
