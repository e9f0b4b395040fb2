/**
 * The site's mark and every icon file made from it: the SVG favicon (which the header shows too),
 * PNG icons for the web app manifest and iOS, and favicon.ico for browsers and tools that ask for
 * it. The files live in `static/` and are made by `npm run icons` (scripts/icons.ts renders the SVGs
 * in Chromium); this module holds the drawing, the list, and the ICO and PNG byte formats.
 */

/** The mark's field colour: the light theme's accent. */
export const MARK_COLOR = '#1a56a8';

/** A lowercase "p" in white with a warm dot, on a 32-unit square. */
const GLYPH =
  '<path d="M11 25V11.5" stroke="#fff" stroke-width="3.6" stroke-linecap="round"/>' +
  '<circle cx="17" cy="15" r="5.2" fill="none" stroke="#fff" stroke-width="3.6"/>' +
  '<circle cx="24.5" cy="7.5" r="2.3" fill="#ffb877"/>';

/**
 * The mark as SVG. `rounded`: a rounded square, as a favicon; otherwise the field fills the
 * square, for platforms that cut their own shape. `scale` shrinks the glyph toward the centre
 * (maskable icons keep it inside the central 80 %).
 */
export function markSvg({ rounded = true, scale = 1 }: { rounded?: boolean; scale?: number } = {}): string {
  const offset = Number(((32 - 32 * scale) / 2).toFixed(3));
  const glyph = scale === 1 ? GLYPH : `<g transform="translate(${offset} ${offset}) scale(${scale})">${GLYPH}</g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32"${rounded ? ' rx="8"' : ''} fill="${MARK_COLOR}"/>${glyph}</svg>\n`;
}

export interface IconFile {
  /** File name under `static/`, served at `/<file>`. */
  file: string;
  size: number;
  purpose: 'any' | 'maskable';
  /** Listed in the web app manifest (the Apple touch icon is linked from pages instead). */
  inManifest: boolean;
  svg: string;
}

export const ICONS: readonly IconFile[] = [
  { file: 'icon-192.png', size: 192, purpose: 'any', inManifest: true, svg: markSvg() },
  { file: 'icon-512.png', size: 512, purpose: 'any', inManifest: true, svg: markSvg() },
  { file: 'icon-maskable-512.png', size: 512, purpose: 'maskable', inManifest: true, svg: markSvg({ rounded: false, scale: 0.78 }) },
  { file: 'apple-touch-icon.png', size: 180, purpose: 'any', inManifest: false, svg: markSvg({ rounded: false, scale: 0.88 }) },
];

/** The sizes packed into favicon.ico. */
export const ICO_SIZES = [16, 32, 48] as const;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's width and height from its IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const data = Buffer.from(png);
  if (data.length < 24 || !data.subarray(0, 8).equals(PNG_SIGNATURE) || data.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** An ICO file holding PNG images (Windows Vista's format, read by every current browser). */
export function packIco(pngs: Uint8Array[]): Buffer {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach((png, i) => {
    const { width, height } = pngSize(png);
    const entry = 6 + 16 * i;
    header.writeUInt8(width >= 256 ? 0 : width, entry);
    header.writeUInt8(height >= 256 ? 0 : height, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs.map((png) => Buffer.from(png))]);
}

/** The images of an ICO file, with their sizes as its directory states them. */
export function readIco(ico: Uint8Array): { width: number; height: number; png: Buffer }[] {
  const data = Buffer.from(ico);
  if (data.readUInt16LE(0) !== 0 || data.readUInt16LE(2) !== 1) throw new Error('not an ICO file');
  return Array.from({ length: data.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const start = data.readUInt32LE(entry + 12);
    return {
      width: data.readUInt8(entry) || 256,
      height: data.readUInt8(entry + 1) || 256,
      png: data.subarray(start, start + data.readUInt32LE(entry + 8)),
    };
  });
}
