import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { AtendoError } from '@atendo/shared/errors';

/** A file kept under the data directory, as the uploads table describes it. */
export type StoredFile = { fileName: string; mimeType: string; absolutePath: string };

const MIME_SHAPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;

/** The stored type without parameters, or a neutral one when it is not a plain type/subtype. */
export const servedMimeType = (mimeType: string): string => {
  const bare = (mimeType.split(';')[0] ?? '').trim().toLowerCase();
  return MIME_SHAPE.test(bare) ? bare : 'application/octet-stream';
};

/**
 * RFC 6266: an ASCII `filename` for old clients (quotes, backslashes and anything outside
 * printable ASCII replaced) and the exact name as RFC 8187 `filename*`, percent-encoding the
 * characters encodeURIComponent leaves alone but attr-char forbids.
 */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const exact = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

/**
 * Streams a stored file to whoever was allowed to read it: agents (`GET /api/attachments/:id`)
 * and web chat visitors. `inline` only for the raster images a page shows itself; everything
 * else is an attachment. nosniff and a sandboxing CSP keep a file whose declared type lies
 * (HTML sent as a "document") from ever running as a page of this origin. A file gone from disk
 * is answered like an unknown id.
 */
export async function sendStoredFile(
  res: Response,
  file: StoredFile | null,
  options: { inline: boolean },
): Promise<void> {
  const handle = file ? await open(file.absolutePath, 'r').catch(() => null) : null;
  if (!file || !handle) throw new AtendoError('not-found', 'attachment not found');
  try {
    const { size } = await handle.stat();
    const mimeType = servedMimeType(file.mimeType);
    res.set({
      'content-type': mimeType,
      'content-length': String(size),
      'content-disposition': contentDisposition(
        options.inline ? 'inline' : 'attachment',
        file.fileName,
      ),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      // The file never changes under its id, but it is one reader's: no shared cache keeps it.
      'cache-control': 'private, max-age=3600',
    });
    await pipeline(handle.createReadStream({ autoClose: false }), res).catch((error: unknown) => {
      // A reader who goes away mid-download is no server error; before any byte, it is.
      if (!res.headersSent) throw error;
      res.destroy();
    });
  } finally {
    await handle.close();
  }
}
