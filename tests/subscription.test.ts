import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../src/site.ts';
import { formSubmission, subscriptionView } from '../src/subscription.ts';
import { readPage, root, runBuild, type BuildRun } from './helpers/site.ts';

describe('subscriptionView', () => {
  it('names the forms, their thank-you pages, the honeypot and the sender', () => {
    expect(subscriptionView({ ...defaultSettings, digestFrom: 'P <d@example.org>' })).toEqual({
      subscribe: { name: 'subscribe', action: '/subscribed/', honeypot: 'website', email: 'email' },
      unsubscribe: { name: 'unsubscribe', action: '/unsubscribed/', honeypot: 'website', email: 'email' },
      unsubscribeUrl: '/unsubscribe/',
      from: 'P <d@example.org>',
    });
  });
});

describe('formSubmission', () => {
  it('encodes a Netlify Forms submission with its form-name first', () => {
    expect(formSubmission('unsubscribe', { email: 'a+b@example.org' })).toBe('form-name=unsubscribe&email=a%2Bb%40example.org');
  });
});

describe('the subscription forms of a built site', () => {
  let run: BuildRun;
  beforeAll(async () => {
    run = await runBuild(path.join(root, 'content/papers'));
    expect(run.code).toBe(0);
  });

  it('puts a subscribe form that Netlify Forms picks up in the footer of every kind of page', async () => {
    for (const url of ['/', '/papers/2310.02970/', '/papers/date/2025-03-11/', '/topics/', '/404.html', '/subscribed/', '/unsubscribe/']) {
      const $ = await readPage(run.outDir, url);
      const form = $('footer form[name=subscribe]');
      expect(form, url).toHaveLength(1);
      expect(form.attr('data-netlify')).toBe('true');
      expect(form.attr('method')).toBe('post');
      expect(form.attr('action')).toBe('/subscribed/');
      expect(form.find('input[type=hidden][name=form-name]').attr('value')).toBe('subscribe');
    }
  });

  it('works without JavaScript: a labelled email field, a submit button, a hidden honeypot', async () => {
    const $ = await readPage(run.outDir, '/');
    const form = $('footer form[name=subscribe]');
    const email = form.find('input[name=email]');
    expect(email.attr('type')).toBe('email');
    expect(email.attr('autocomplete')).toBe('email');
    expect(email.attr('required')).toBeDefined();
    expect($(`label[for="${email.attr('id')}"]`).text()).toBe('Email address');
    expect(form.find('button[type=submit]').text()).toBe('Subscribe');
    expect(form.attr('data-netlify-honeypot')).toBe('website');
    expect(form.find('[hidden] input[name=website]').attr('tabindex')).toBe('-1');
    expect($('script:not([src^="/assets/shortcut."])')).toHaveLength(0);
  });

  it('says what is stored, where, and how to unsubscribe, next to the field', async () => {
    const $ = await readPage(run.outDir, '/');
    const privacy = $(`#${$('footer input[name=email]').attr('aria-describedby')}`);
    expect(privacy.text()).toMatch(/store only your email address.*Netlify.*only to send you the digest.*unsubscribe/);
    expect(privacy.find('a').attr('href')).toBe('/unsubscribe/');
  });

  it('thanks new subscribers, says who the digest comes from, and keeps the page out of search engines', async () => {
    const $ = await readPage(run.outDir, '/subscribed/');
    expect($('h1').text()).toBe('Thank you for subscribing');
    expect($('main').text()).toContain('paperfeed <digest@paperfeed.netlify.app>');
    expect($('meta[name=robots]').attr('content')).toBe('noindex');
    expect($('main a[href="/unsubscribe/"]')).toHaveLength(1);
  });

  it('has an unsubscribe page whose form posts to the unsubscribe form and lands on /unsubscribed/', async () => {
    const $ = await readPage(run.outDir, '/unsubscribe/');
    const form = $('main form[name=unsubscribe]');
    expect(form.attr('data-netlify')).toBe('true');
    expect(form.attr('action')).toBe('/unsubscribed/');
    expect(form.find('input[name=form-name]').attr('value')).toBe('unsubscribe');
    expect(form.find('input[name=email]').attr('autocomplete')).toBe('email');
    expect($('label[for=unsubscribe-email]').text()).toBe('Email address');
    const done = await readPage(run.outDir, '/unsubscribed/');
    expect(done('h1').text()).toBe('You are unsubscribed');
  });
});
