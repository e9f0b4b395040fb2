/**
 * The web app manifest (`/manifest.webmanifest`, https://www.w3.org/TR/appmanifest/): the name,
 * colours and icons a phone uses when a reader adds the site to the home screen, and the
 * `theme-color` of each colour scheme for the browser's own bars. The colours are read from the
 * compiled stylesheet's tokens, so the manifest and the pages never disagree.
 */
import type { Theme, Tokens } from './contrast.ts';
import { ICONS } from './icons.ts';
import type { SiteSettings } from './site.ts';
import { manifestPath } from './urls.ts';

export interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

export interface WebManifest {
  id: string;
  name: string;
  short_name: string;
  description: string;
  lang: string;
  dir: 'ltr';
  start_url: string;
  scope: string;
  display: 'minimal-ui';
  background_color: string;
  theme_color: string;
  icons: ManifestIcon[];
}

export interface ManifestView {
  path: string;
  json: string;
  /** `<meta name="theme-color">` per colour scheme: the header's colour in each theme. */
  themes: { color: string; media: string }[];
}

function manifestIcons(): ManifestIcon[] {
  const icons: ManifestIcon[] = [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' }];
  for (const icon of ICONS.filter((i) => i.inManifest)) {
    const entry: ManifestIcon = { src: `/${icon.file}`, sizes: `${icon.size}x${icon.size}`, type: 'image/png' };
    if (icon.purpose !== 'any') entry.purpose = icon.purpose;
    icons.push(entry);
  }
  return icons;
}

/** The manifest of the site, coloured with the stylesheet's light theme (`themes` from src/contrast.ts). */
export function buildManifest(settings: SiteSettings, themes: Record<Theme, Tokens>): ManifestView {
  const color = (theme: Theme, token: string) => {
    const value = themes[theme][token];
    if (!value) throw new Error(`the stylesheet's ${theme} theme has no --${token}`);
    return value;
  };
  const manifest: WebManifest = {
    id: '/',
    name: settings.title,
    short_name: settings.title.length <= 12 ? settings.title : settings.title.slice(0, 12).trim(),
    description: settings.description,
    lang: settings.language,
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'minimal-ui',
    background_color: color('light', 'bg'),
    theme_color: color('light', 'surface'),
    icons: manifestIcons(),
  };
  return {
    path: manifestPath(),
    json: `${JSON.stringify(manifest, null, 2)}\n`,
    themes: [
      { color: color('light', 'surface'), media: '(prefers-color-scheme: light)' },
      { color: color('dark', 'surface'), media: '(prefers-color-scheme: dark)' },
    ],
  };
}
