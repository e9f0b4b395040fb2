import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICO_SIZES, ICONS, markSvg, packIco, pngSize, readIco } from '../src/icons.ts';
import { root } from './helpers/site.ts';

const staticFile = (name: string) => readFileSync(path.join(root, 'static', name));

/** A minimal PNG header (signature + IHDR) of the given size: enough for the size reader. */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr]);
}

describe('the mark', () => {
  it('is the favicon that static/ serves, as npm run icons wrote it', () => {
    expect(staticFile('favicon.svg').toString()).toBe(markSvg());
  });

  it('keeps a maskable icon’s glyph inside the central safe zone and fills the whole square', () => {
    const svg = markSvg({ rounded: false, scale: 0.78 });
    expect(svg).not.toContain('rx=');
    expect(svg).toContain('translate(3.52 3.52) scale(0.78)');
  });
});

describe('the icon files', () => {
  it.each(ICONS.map((icon) => [icon.file, icon.size] as const))('has %s at %i×%i pixels', (file, size) => {
    expect(pngSize(staticFile(file))).toEqual({ width: size, height: size });
  });

  it('packs 16, 32 and 48 pixel PNGs into favicon.ico', () => {
    const images = readIco(staticFile('favicon.ico'));
    expect(images.map((image) => [image.width, image.height])).toEqual(ICO_SIZES.map((size) => [size, size]));
    for (const image of images) expect(pngSize(image.png)).toEqual({ width: image.width, height: image.height });
  });
});

describe('ICO and PNG bytes', () => {
  it('writes an ICO whose directory reads back, 256 pixels written as 0', () => {
    const pngs = [pngHeader(16, 16), pngHeader(256, 256)];
    const images = readIco(packIco(pngs));
    expect(images.map((i) => [i.width, i.height, i.png.length])).toEqual([[16, 16, pngs[0]?.length], [256, 256, pngs[1]?.length]]);
    expect(packIco(pngs).readUInt8(6 + 16)).toBe(0);
  });

  it('refuses bytes that are not a PNG or an ICO', () => {
    expect(() => pngSize(Buffer.from('GIF89a........................'))).toThrow(/not a PNG/);
    expect(() => packIco([Buffer.from('not a png at all, not at all....')])).toThrow(/not a PNG/);
    expect(() => readIco(Buffer.from([1, 0, 1, 0, 0, 0]))).toThrow(/not an ICO/);
  });
});
