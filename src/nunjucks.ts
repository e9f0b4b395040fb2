/**
 * The site's one Nunjucks environment: layouts from `layouts/`, autoescape on, `throwOnUndefined`,
 * and the filters of src/filters.ts (DESIGN §3). Eleventy renders its templates with it
 * (`setLibrary`), and the build renders paper pages with it directly (src/paper-pages.ts), so both
 * print the same bytes.
 */
import path from 'node:path';
import nunjucks from 'nunjucks';
import { templateFilters } from './filters.ts';

export type NunjucksEnvironment = nunjucks.Environment;

export const NUNJUCKS_OPTIONS = { throwOnUndefined: true, autoescape: true, trimBlocks: true, lstripBlocks: true } as const;

/** A fresh environment for the project in `root` (templates are read from its `layouts/` folder, then the project). */
export function createNunjucks(root: string): NunjucksEnvironment {
  const loader = new nunjucks.FileSystemLoader([path.join(root, 'layouts'), root]);
  const env = new nunjucks.Environment(loader, NUNJUCKS_OPTIONS);
  for (const [name, filter] of Object.entries(templateFilters)) env.addFilter(name, filter as (...args: unknown[]) => unknown);
  return env;
}
