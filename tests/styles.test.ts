import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileStyles, katexAssetsPath } from '../src/styles.ts';
import { root } from './helpers/site.ts';

describe('compileStyles', () => {
  it('compiles the stylesheet, compressed, named by a hash of its content', () => {
    const sheet = compileStyles(path.join(root, 'styles'));
    expect(sheet.path).toMatch(/^\/assets\/main\.[0-9a-f]{10}\.css$/);
    expect(sheet.css).toMatch(/prefers-color-scheme: ?dark/);
    expect(sheet.css).not.toContain('\n\n');
    expect(compileStyles(path.join(root, 'styles')).path).toBe(sheet.path);
  });

  it('serves KaTeX from a folder named by its version', () => {
    expect(katexAssetsPath).toMatch(/^\/assets\/katex-\d+\.\d+\.\d+\/$/);
  });
});
