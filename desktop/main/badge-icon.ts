import { deflateSync } from 'node:zlib';

/**
 * The Windows taskbar has no badge API, only a small overlay icon over the app's button. This
 * draws that icon, a red disc with a white count, as a PNG in plain code (no canvas in the main
 * process), so the electron layer only wraps it in a nativeImage.
 */
export const OVERLAY_SIZE = 32;
/** The overlay is 16×16 device-independent pixels; it is drawn at 2× for high-DPI screens. */
export const OVERLAY_SCALE = 2;

/** 3×5 pixel glyphs, one string per row; `#` is ink. */
const GLYPHS: Record<string, readonly string[]> = {
  '0': ['###', '#.#', '#.#', '#.#', '###'],
  '1': ['.#.', '##.', '.#.', '.#.', '###'],
  '2': ['###', '..#', '###', '#..', '###'],
  '3': ['###', '..#', '.##', '..#', '###'],
  '4': ['#.#', '#.#', '###', '..#', '..#'],
  '5': ['###', '#..', '###', '..#', '###'],
  '6': ['###', '#..', '###', '#.#', '###'],
  '7': ['###', '..#', '.#.', '.#.', '.#.'],
  '8': ['###', '#.#', '###', '#.#', '###'],
  '9': ['###', '#.#', '###', '..#', '###'],
  '+': ['...', '.#.', '###', '.#.', '...'],
};

const DISC: readonly [number, number, number] = [0xd3, 0x2f, 0x2f];
const INK: readonly [number, number, number] = [0xff, 0xff, 0xff];

/** What the overlay says: nothing for 0, the digit up to 9, then "9+" (there is no room). */
export function overlayLabel(count: number): string | null {
  if (!Number.isFinite(count) || count < 1) return null;
  return count > 9 ? '9+' : String(Math.floor(count));
}

/** Fraction of a pixel inside the disc, from 4×4 samples, so the edge is smooth. */
function discCoverage(x: number, y: number, radius: number): number {
  const centre = OVERLAY_SIZE / 2;
  let inside = 0;
  for (let sy = 0; sy < 4; sy += 1) {
    for (let sx = 0; sx < 4; sx += 1) {
      const dx = x + (sx + 0.5) / 4 - centre;
      const dy = y + (sy + 0.5) / 4 - centre;
      if (dx * dx + dy * dy <= radius * radius) inside += 1;
    }
  }
  return inside / 16;
}

/** The inked cells of the label's glyphs, as [column, row] in glyph-cell units. */
function inkCells(label: string): [number, number][] {
  const cells: [number, number][] = [];
  // Labels are ASCII ("1"…"9", "9+"), so indexing by UTF-16 unit is exact.
  for (let g = 0; g < label.length; g += 1) {
    const rows = GLYPHS[label.charAt(g)] ?? [];
    rows.forEach((row, ry) => {
      for (let rx = 0; rx < row.length; rx += 1) {
        if (row.charAt(rx) === '#') cells.push([g * 4 + rx, ry]);
      }
    });
  }
  return cells;
}

/** Which pixels the label's glyphs cover, centred, scaled to fill the disc. */
function inkMask(label: string): Set<number> {
  const scale = label.length === 1 ? 4 : 3;
  const columns = label.length * 4 - 1;
  const left = Math.floor((OVERLAY_SIZE - columns * scale) / 2);
  const top = Math.floor((OVERLAY_SIZE - 5 * scale) / 2);
  const mask = new Set<number>();
  for (const [cx, cy] of inkCells(label)) {
    for (let py = 0; py < scale; py += 1) {
      for (let px = 0; px < scale; px += 1) {
        mask.add((top + cy * scale + py) * OVERLAY_SIZE + left + cx * scale + px);
      }
    }
  }
  return mask;
}

/** RGBA pixels, row by row, of the overlay for a label. */
export function drawOverlay(label: string): Uint8Array {
  const pixels = new Uint8Array(OVERLAY_SIZE * OVERLAY_SIZE * 4);
  const ink = inkMask(label);
  for (let y = 0; y < OVERLAY_SIZE; y += 1) {
    for (let x = 0; x < OVERLAY_SIZE; x += 1) {
      const i = y * OVERLAY_SIZE + x;
      const colour = ink.has(i) ? INK : DISC;
      pixels.set([...colour, Math.round(255 * discCoverage(x, y, OVERLAY_SIZE / 2 - 0.5))], i * 4);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** A minimal PNG encoder: 8-bit RGBA, no interlace, filter 0 on every row. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y += 1) {
    raw[y * (width * 4 + 1)] = 0;
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The overlay PNG for a badge count, or null when the overlay should be cleared. */
export function overlayPng(count: number): { png: Buffer; label: string } | null {
  const label = overlayLabel(count);
  if (label === null) return null;
  return { png: encodePng(OVERLAY_SIZE, OVERLAY_SIZE, drawOverlay(label)), label };
}
