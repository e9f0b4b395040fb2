/**
 * The email subscription's forms, as data for the layouts: the subscribe form in every page's footer
 * and the unsubscribe page's form. Both are Netlify Forms (https://docs.netlify.com/forms/setup/):
 * plain HTML forms that work without JavaScript, found by Netlify in the built HTML at deploy time
 * and posted to the site itself (CSP `form-action 'self'`). Names live here because the one-click
 * unsubscribe function (./unsubscribe.ts) posts to the same `unsubscribe` form.
 */
import type { SiteSettings } from './site.ts';
import { subscribedPath, unsubscribedPath, unsubscribePath } from './urls.ts';

export interface FormView {
  /** The Netlify form name: its submissions are listed under this name. */
  name: string;
  /** The thank-you page Netlify shows after a submission. */
  action: string;
  /** The field Netlify treats as a honeypot: a submission that fills it in is dropped. */
  honeypot: string;
  /** The email field's name. */
  email: string;
}

export interface SubscriptionView {
  subscribe: FormView;
  unsubscribe: FormView;
  /** The unsubscribe page (linked from every digest and from the privacy note). */
  unsubscribeUrl: string;
  /** The sender subscribers will see, e.g. `paperfeed <digest@example.org>`. */
  from: string;
}

export const SUBSCRIBE_FORM = 'subscribe';
export const UNSUBSCRIBE_FORM = 'unsubscribe';
export const EMAIL_FIELD = 'email';
/** Hidden from people (the `hidden` attribute); bots that fill every field fill this one too. */
export const HONEYPOT_FIELD = 'website';

export function subscriptionView(settings: SiteSettings): SubscriptionView {
  const form = (name: string, action: string): FormView => ({ name, action, honeypot: HONEYPOT_FIELD, email: EMAIL_FIELD });
  return {
    subscribe: form(SUBSCRIBE_FORM, subscribedPath()),
    unsubscribe: form(UNSUBSCRIBE_FORM, unsubscribedPath()),
    unsubscribeUrl: unsubscribePath(),
    from: settings.digestFrom,
  };
}

/** The body Netlify Forms expects for a submission of `form` (form-name plus fields), URL-encoded. */
export function formSubmission(form: string, fields: Record<string, string>): string {
  return new URLSearchParams({ 'form-name': form, ...fields }).toString();
}
