import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { themeTokens } from '../src/contrast.ts';
import { buildManifest, type WebManifest } from '../src/manifest.ts';
import { defaultSettings } from '../src/site.ts';
import { compileStyles } from '../src/styles.ts';
import { root } from './helpers/site.ts';

const themes = themeTokens(compileStyles(path.join(root, 'styles')).css);
const manifest = buildManifest(defaultSettings, themes);
const json = JSON.parse(manifest.json) as WebManifest;

describe('buildManifest', () => {
  it('names the site and starts at its home page, in its language', () => {
    expect(manifest.path).toBe('/manifest.webmanifest');
    expect(json).toMatchObject({ id: '/', name: 'paperfeed', short_name: 'paperfeed', start_url: '/', scope: '/', lang: 'en', display: 'minimal-ui' });
    expect(json.description).toBe(defaultSettings.description);
  });

  it('takes its colours from the stylesheet, and gives each colour scheme its theme colour', () => {
    expect(json.background_color).toBe(themes.light.bg);
    expect(json.theme_color).toBe(themes.light.surface);
    expect(manifest.themes).toEqual([
      { color: themes.light.surface, media: '(prefers-color-scheme: light)' },
      { color: themes.dark.surface, media: '(prefers-color-scheme: dark)' },
    ]);
    expect(themes.light.surface).not.toBe(themes.dark.surface);
  });

  it('lists the SVG icon and PNG icons of 192 and 512 pixels, one maskable, each a file the site publishes', () => {
    expect(json.icons.map((icon) => [icon.src, icon.sizes, icon.type, icon.purpose ?? 'any'])).toEqual([
      ['/favicon.svg', 'any', 'image/svg+xml', 'any'],
      ['/icon-192.png', '192x192', 'image/png', 'any'],
      ['/icon-512.png', '512x512', 'image/png', 'any'],
      ['/icon-maskable-512.png', '512x512', 'image/png', 'maskable'],
    ]);
    for (const icon of json.icons) expect(existsSync(path.join(root, 'static', icon.src))).toBe(true);
  });

  it('shortens a long site name for the home screen', () => {
    const long = JSON.parse(buildManifest({ ...defaultSettings, title: 'Trending papers of the world' }, themes).json) as WebManifest;
    expect(long.short_name).toBe('Trending pap');
  });

  it('refuses a stylesheet without the colours it needs', () => {
    expect(() => buildManifest(defaultSettings, { light: {}, dark: {} })).toThrow(/light theme has no --bg/);
  });
});
