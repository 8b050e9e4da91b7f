import type { Request, Response } from 'express';
import { AtendoError, isAtendoError } from '@atendo/shared/errors';
import { bearerToken, agentForToken } from './auth/sessions';
import path from 'node:path';
import type { Deps } from './services/deps';
import { readConversation } from './services/history';
import { storeUpload } from './services/uploads';
import { decodeFileName } from './security/file-name';
import { declaredLength } from './security/receive-file';
import { sendStoredFile } from './stored-file';
import type { Logger } from './logger';
import { trpcCodeFor } from './trpc/errors';
import { audited } from './privacy/audited';

// The same statuses tRPC uses for these codes, so clients treat both APIs alike.
const HTTP_STATUS: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

export function sendError(res: Response, logger: Logger, error: unknown): void {
  // Refused before its body was read (or half way): the rest is not worth receiving.
  if (!res.req.complete) res.set('connection', 'close');
  if (isAtendoError(error)) {
    const status = HTTP_STATUS[trpcCodeFor(error.code)] ?? 400;
    res
      .status(status)
      .json({ error: { atendoCode: error.code, message: error.message, details: error.details } });
    return;
  }
  logger.error({ err: error }, 'upload failed');
  res
    .status(500)
    .json({ error: { atendoCode: null, message: 'Internal server error', details: {} } });
}

/**
 * `POST /api/conversations/:id/uploads`: the raw file as the body, its type in Content-Type and
 * its name in X-File-Name (URI-encoded). Answers `{ attachment }` whose id goes into
 * `conversation.sendAttachment`. Who may send and what the headers declare are checked before
 * the body is read; see services/uploads.ts.
 */
export function uploadRoute(deps: Deps) {
  return async (req: Request<{ id: string }>, res: Response): Promise<void> => {
    try {
      const token = bearerToken(req.headers.authorization);
      const agent = token ? await agentForToken(deps.db, token, deps.clock.now()) : null;
      if (!agent) throw new AtendoError('unauthenticated', 'sign in first');
      const attachment = await storeUpload(deps, agent, {
        conversationId: req.params.id,
        fileName: decodeFileName(req.headers['x-file-name']),
        mimeType: req.headers['content-type'] ?? '',
        declaredLength: declaredLength(req.headers['content-length']),
        body: req,
      });
      res.status(201).json({ attachment });
    } catch (error) {
      sendError(res, deps.logger, error);
    }
  };
}

/**
 * `GET /api/attachments/:id`: an uploaded file, for agents who may read its conversation. The
 * stored name is the server's id, so the request never names a path.
 */
export function attachmentRoute(deps: Deps) {
  return async (req: Request<{ id: string }>, res: Response): Promise<void> => {
    try {
      const token = bearerToken(req.headers.authorization);
      const agent = token ? await agentForToken(deps.db, token, deps.clock.now()) : null;
      if (!agent) throw new AtendoError('unauthenticated', 'sign in first');
      const upload = await deps.db
        .selectFrom('uploads')
        .selectAll()
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!upload)
        throw new AtendoError('not-found', 'attachment not found', {
          entity: 'upload',
          id: req.params.id,
        });
      await audited(
        { deps, agent, ip: req.ip ?? null },
        {
          action: 'attachment.get',
          entityType: 'attachment',
          entityId: upload.id,
          conversationId: upload.conversation_id,
        },
        () => readConversation(deps, agent, upload.conversation_id),
        (read) => ({ contactId: read.contactId }),
      );
      // Always an attachment: the workspace fetches files with the token into object URLs.
      const file = {
        fileName: upload.file_name,
        mimeType: upload.mime_type,
        absolutePath: path.join(deps.dataDir, upload.path),
      };
      await sendStoredFile(res, file, { inline: false });
    } catch (error) {
      sendError(res, deps.logger, error);
    }
  };
}
