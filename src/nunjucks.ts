/**
 * The site's one Nunjucks environment: layouts from `layouts/`, autoescape on, `throwOnUndefined`,
 * the filters of src/filters.ts (DESIGN §3) and the `card` filter. Eleventy renders its templates
 * with it (`setLibrary`), and the build and the dev server render the paper and listing pages with
 * it directly (src/bulk-pages.ts), so both print the same bytes.
 */
import path from 'node:path';
import nunjucks from 'nunjucks';
import { templateFilters } from './filters.ts';
import type { SiteSettings } from './site.ts';

export type NunjucksEnvironment = nunjucks.Environment;

export const NUNJUCKS_OPTIONS = { throwOnUndefined: true, autoescape: true, trimBlocks: true, lstripBlocks: true } as const;

export const CARD_TEMPLATE = 'partials/card.njk';

/**
 * The `card` filter, `{{ card | card(showDate, headingLevel) }}`: a paper's card
 * (layouts/partials/card.njk) rendered once per card, variant and site settings, then reused. A
 * card is printed on its day's, week's, month's and topics' listing pages — about five times a
 * paper, 300,000 times on a 60,000-paper site — and its HTML depends on nothing else.
 */
function cardFilter(env: NunjucksEnvironment) {
  const rendered = new WeakMap<SiteSettings, WeakMap<object, Map<string, string>>>();
  return function card(this: { ctx: { paperfeed: { settings: SiteSettings } } }, card: object, showDate: boolean, headingLevel: number) {
    const settings = this.ctx.paperfeed.settings;
    let cards = rendered.get(settings);
    if (!cards) rendered.set(settings, (cards = new WeakMap()));
    let variants = cards.get(card);
    if (!variants) cards.set(card, (variants = new Map()));
    const variant = `${showDate ? 'date' : 'no date'} h${headingLevel}`;
    let html = variants.get(variant);
    if (html === undefined) {
      html = env.render(CARD_TEMPLATE, { card, showDate, headingLevel, paperfeed: { settings } });
      variants.set(variant, html);
    }
    return new nunjucks.runtime.SafeString(html);
  };
}

/** A fresh environment for the project in `root` (templates are read from its `layouts/` folder, then the project). */
export function createNunjucks(root: string): NunjucksEnvironment {
  const loader = new nunjucks.FileSystemLoader([path.join(root, 'layouts'), root]);
  const env = new nunjucks.Environment(loader, NUNJUCKS_OPTIONS);
  for (const [name, filter] of Object.entries(templateFilters)) env.addFilter(name, filter as (...args: unknown[]) => unknown);
  env.addFilter('card', cardFilter(env));
  return env;
}
