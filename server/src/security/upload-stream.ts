import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { AtendoError } from '@atendo/shared/errors';

export const tooLarge = (maxBytes: number): AtendoError =>
  new AtendoError('attachment-too-large', 'file too large', { maxBytes });

/**
 * Writes a request body to `absolutePath` (which must not exist yet), refusing as soon as it
 * passes `limit`: memory holds one chunk at a time, and a refused or broken upload leaves no
 * partial file behind. On excess the request is paused rather than destroyed, so the caller can
 * still answer 413 (with `connection: close`) before the connection goes. Answers the size.
 */
export async function streamToFile(
  body: Readable,
  absolutePath: string,
  limit: number,
): Promise<number> {
  const out = createWriteStream(absolutePath, { flags: 'wx' });
  let size = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown): void => {
        body.off('data', onData);
        body.off('end', onEnd);
        body.pause();
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      const onData = (chunk: Buffer): void => {
        size += chunk.length;
        if (size > limit) {
          fail(tooLarge(limit));
          return;
        }
        if (!out.write(chunk)) {
          body.pause();
          out.once('drain', () => body.resume());
        }
      };
      const onEnd = (): void => {
        out.end(resolve);
      };
      body.on('data', onData);
      body.once('end', onEnd);
      body.once('error', fail);
      // A client gone mid-body: the request closes without 'end' (and 'error' may not come).
      body.once('close', () => {
        if (!body.readableEnded)
          fail(new AtendoError('invalid-input', 'the upload was interrupted'));
      });
      out.once('error', fail);
    });
    return size;
  } catch (error) {
    // Closed before removing: a stream still opening would otherwise create the file after.
    const closed = out.closed ? Promise.resolve() : once(out, 'close');
    out.destroy();
    await closed.catch(() => undefined);
    await rm(absolutePath, { force: true });
    throw error;
  }
}
