/**
 * The raster image types the widget shows as a thumbnail and the server serves inline. SVG is
 * left out on purpose: it can carry script, so it is always a download. Shared by the server
 * and the widget bundle, so this file imports nothing.
 */
const INLINE_IMAGE_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
];

/** Lower-cased and without parameters, so "image/PNG; q=1" is still a PNG. */
export const bareMimeType = (mimeType: string): string =>
  (mimeType.split(';')[0] ?? '').trim().toLowerCase();

export const isInlineImage = (mimeType: string): boolean =>
  INLINE_IMAGE_TYPES.includes(bareMimeType(mimeType));
