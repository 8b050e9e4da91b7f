import type { Request } from 'express';
import type { Logger } from 'pino';
import { AtendoError } from '@atendo/shared/errors';
import { checkAttachment } from '@atendo/shared/rules/attachment-policy';
import { parseOrThrow } from './parse';
import type { WebchatInboundResult, WebchatPorts } from './ports';
import { UploadHeaders } from './request-schemas';
import { inboundFrom, type Visitor } from './visitor-auth';

/** The web chat's largest file; checkAttachment narrows it per media type. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/**
 * A file from the visitor, sent as the raw request body with its type and name in headers.
 * The declared size and type are checked before a byte is read, so a forbidden or oversize
 * file is refused without buffering it, and nothing is stored. An accepted file is recorded
 * as an upload of the conversation, so its agents download it like their own attachments.
 * The bytes are written before the message is stored; when storing it fails, they are removed
 * again, so a refused or failed upload leaves nothing on disk.
 */
export async function receiveUpload(
  ports: WebchatPorts,
  visitor: Visitor,
  req: Request,
  logger: Logger,
): Promise<WebchatInboundResult> {
  const headers = parseOrThrow(UploadHeaders, req.headers);
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (!Number.isInteger(declared) || declared < 0) {
    throw new AtendoError('invalid-input', 'content-length is required');
  }
  const mimeType = headers['content-type'];
  const policy = checkAttachment({ channelKind: 'webchat', mimeType, size: declared });
  if (!policy.ok) throw new AtendoError(policy.reason, policy.reason, policy.details);
  const bytes = await readBody(req, Math.min(policy.maxBytes, MAX_UPLOAD_BYTES));
  const id = ports.newId();
  const file = { attachmentId: id, path: await ports.storeFile(id, bytes) };
  const fileName = headers['x-file-name'];
  const attachment = { id, fileName, mimeType, size: bytes.length, mediaType: policy.mediaType };
  const inbound = inboundFrom(ports, visitor, {
    channelMessageId: headers['x-client-message-id'],
    kind: 'media',
    body: '',
    attachments: [attachment],
    filePaths: { [id]: file.path },
  });
  let result: WebchatInboundResult;
  try {
    result = await ports.receiveInbound(inbound);
  } catch (error) {
    // discardFile keeps the file if the message was stored after all and a later step threw.
    await ports.discardFile(file).catch((cleanup: unknown) => {
      logger.error({ err: cleanup, path: file.path }, 'webchat: removing a failed upload failed');
    });
    throw error;
  }
  // A retried upload finds the first one stored; its copy of the bytes belongs to nothing.
  if (!result.created) await ports.discardFile(file);
  return result;
}

/** Reads a raw body up to `limit` bytes; a longer body (a lying content-length) is refused. */
async function readBody(req: Request, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      throw new AtendoError('attachment-too-large', 'file too large', { maxBytes: limit });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
