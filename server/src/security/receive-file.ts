import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { checkAttachment } from '@atendo/shared/rules/attachment-policy';
import { ensure } from '@atendo/shared/rules/decision';
import type { ChannelKind } from '@atendo/shared/schemas/channel';
import type { MediaType } from '@atendo/shared/schemas/message';
import { inspectFile } from './file-content';
import { streamToFile, tooLarge } from './upload-stream';

export type ReceivedFile = { size: number; mimeType: string; mediaType: MediaType };

export type ReceiveInput = {
  channelKind: ChannelKind;
  /** Content-Type as sent. */
  declaredMime: string;
  /** Content-Length as sent; null when the body is chunked. */
  declaredLength: number | null;
  /** The decoded base name (security/file-name.ts). */
  fileName: string;
  /** A cap below the channel's own, if the route has one. */
  maxBytes?: number;
};

/**
 * One uploaded file, from request body to a checked file at `absolutePath`, for both upload
 * routes. What the client declares is judged before a byte is read (a program's type, a length
 * over the limit); the body is then streamed to disk under the limit; the bytes decide the type
 * (security/file-content.ts) and the channel's policy is applied to that type and the real size.
 * Whatever is refused on the way leaves no file. The caller records the file, and removes it if
 * recording fails.
 */
export async function receiveFile(
  body: Readable,
  absolutePath: string,
  input: ReceiveInput,
): Promise<ReceivedFile> {
  const { channelKind, declaredMime, declaredLength } = input;
  const declared = ensure(
    checkAttachment({ channelKind, mimeType: declaredMime, size: declaredLength ?? 0 }),
  );
  // The declared type's limit bounds the stream; the real type's limit is checked after.
  const limit = Math.min(declared.maxBytes, input.maxBytes ?? Number.POSITIVE_INFINITY);
  if (declaredLength !== null && declaredLength > limit) throw tooLarge(limit);
  const size = await streamToFile(body, absolutePath, limit);
  try {
    const { mimeType } = await inspectFile(absolutePath, {
      declaredMime,
      fileName: input.fileName,
    });
    const { mediaType } = ensure(checkAttachment({ channelKind, mimeType, size }));
    return { size, mimeType, mediaType };
  } catch (error) {
    await rm(absolutePath, { force: true });
    throw error;
  }
}

/** Content-Length as a number, null when absent; a malformed one is treated as absent. */
export function declaredLength(header: string | undefined): number | null {
  if (header === undefined) return null;
  const value = Number(header);
  return Number.isSafeInteger(value) && value >= 0 ? value : null;
}
