import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, OVERLAY_SIZE, overlayLabel, overlayPng } from './badge-icon';

type Decoded = { width: number; height: number; pixel: (x: number, y: number) => number[] };

/** Reads back the PNGs encodePng writes (RGBA, filter 0), checking every chunk's CRC. */
function decodePng(png: Buffer): Decoded {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(
      crc32(png.subarray(offset + 4, offset + 8 + length)),
    );
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([...data.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe(height * (width * 4 + 1));
  const pixel = (x: number, y: number) => {
    const at = y * (width * 4 + 1) + 1 + x * 4;
    return [...raw.subarray(at, at + 4)];
  };
  return { width, height, pixel };
}

const WHITE = [255, 255, 255, 255];
const RED = [0xd3, 0x2f, 0x2f, 255];

function whitePixels(image: Decoded): number {
  let n = 0;
  for (let y = 0; y < image.height; y += 1)
    for (let x = 0; x < image.width; x += 1) if (image.pixel(x, y).join() === WHITE.join()) n += 1;
  return n;
}

describe('overlayLabel', () => {
  it.each([
    [0, null],
    [-3, null],
    [Number.NaN, null],
    [1, '1'],
    [9, '9'],
    [10, '9+'],
    [1_000_000, '9+'],
  ])('%d → %s', (count, label) => {
    expect(overlayLabel(count)).toBe(label);
  });
});

describe('overlayPng', () => {
  it('clears the overlay at zero', () => {
    expect(overlayPng(0)).toBeNull();
  });

  it('draws a 32×32 red disc with transparent corners and white ink', () => {
    const drawn = overlayPng(8);
    expect(drawn?.label).toBe('8');
    const image = decodePng(drawn?.png ?? Buffer.alloc(0));
    expect([image.width, image.height]).toEqual([OVERLAY_SIZE, OVERLAY_SIZE]);
    expect(image.pixel(0, 0)[3]).toBe(0);
    expect(image.pixel(31, 31)[3]).toBe(0);
    expect(image.pixel(16, 2)).toEqual(RED);
    // The 8's middle bar crosses the centre row.
    expect(image.pixel(16, 16)).toEqual(WHITE);
    // An 8 (3×5 glyph, 13 of 15 cells inked, at 4× scale) has 13 × 16 white pixels.
    expect(whitePixels(image)).toBe(13 * 16);
  });

  it('gives every label its own picture', () => {
    const images = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) =>
      overlayPng(n)?.png.toString('base64'),
    );
    expect(new Set(images).size).toBe(10);
  });

  it('fits "9+" inside the disc', () => {
    const image = decodePng(overlayPng(42)?.png ?? Buffer.alloc(0));
    for (let y = 0; y < OVERLAY_SIZE; y += 1) {
      for (let x = 0; x < OVERLAY_SIZE; x += 1) {
        if (image.pixel(x, y).join() === WHITE.join()) {
          expect((x + 0.5 - 16) ** 2 + (y + 0.5 - 16) ** 2).toBeLessThan(15.5 ** 2);
        }
      }
    }
  });
});
