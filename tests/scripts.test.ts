import { describe, expect, it } from 'vitest';
import { bundleScripts } from '../src/scripts.ts';

describe('bundleScripts', () => {
  it('bundles the search page as a module and the shortcut as a classic script, named by hashes', async () => {
    const scripts = await bundleScripts();
    expect(scripts.search.path).toMatch(/^\/assets\/search\.[0-9a-f]{10}\.js$/);
    expect(scripts.shortcut.path).toMatch(/^\/assets\/shortcut\.[0-9a-f]{10}\.js$/);
    expect(scripts.shortcut.code).not.toMatch(/\bimport\b|\bexport\b/);
    expect(scripts.shortcut.code.length).toBeLessThan(1500);
    expect(scripts.search.code).toContain('pagefind.js');
    expect(scripts.search.code).not.toMatch(/from\s*["']\.\.?\//);
  });

  it('loads Pagefind from the build at run time instead of bundling it', async () => {
    const { search } = await bundleScripts();
    expect(search.code).toMatch(/import\(`\$\{[\w$]+\.path\}pagefind\.js`\)/);
    expect(search.code).not.toMatch(/https?:\/\//);
  });

  it('writes the same bytes every time', async () => {
    const [a, b] = await Promise.all([bundleScripts(), bundleScripts()]);
    expect(b).toEqual(a);
  });
});
