import type { Request } from 'express';
import type { Logger } from 'pino';
import { AtendoError } from '@atendo/shared/errors';
import { declaredLength, receiveFile, type ReceivedFile } from '../../security/receive-file';
import { parseOrThrow } from './parse';
import type { WebchatInboundResult, WebchatPorts } from './ports';
import { UploadHeaders } from './request-schemas';
import { inboundFrom, type Visitor } from './visitor-auth';

/** The web chat's largest file; checkAttachment narrows it per media type. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/**
 * A file from the visitor, sent as the raw request body with its type and name in headers.
 * The visitor is authenticated and the declared size and type are checked before a byte is
 * read; the body is streamed to disk under the limit and typed by its bytes
 * (security/receive-file.ts), so a forbidden, disguised or oversize file is refused with
 * nothing stored. An accepted file is recorded as an upload of the conversation, so its agents
 * download it like their own attachments. When storing the message fails, the bytes are
 * removed again.
 */
export async function receiveUpload(
  ports: WebchatPorts,
  visitor: Visitor,
  req: Request,
  logger: Logger,
): Promise<WebchatInboundResult> {
  const headers = parseOrThrow(UploadHeaders, req.headers);
  const declared = declaredLength(req.headers['content-length']);
  if (declared === null) throw new AtendoError('invalid-input', 'content-length is required');
  const mimeType = headers['content-type'];
  const fileName = headers['x-file-name'];
  const id = ports.newId();
  const received: { file?: ReceivedFile } = {};
  const path = await ports.storeFile(id, async (absolutePath) => {
    received.file = await receiveFile(req, absolutePath, {
      channelKind: 'webchat',
      declaredMime: mimeType,
      declaredLength: declared,
      fileName,
      maxBytes: MAX_UPLOAD_BYTES,
    });
  });
  const file = { attachmentId: id, path };
  if (received.file === undefined) throw new Error('webchat: the upload stored no file');
  const { size, mediaType, mimeType: storedType } = received.file;
  const attachment = { id, fileName, mimeType: storedType, size, mediaType };
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
