import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { AtendoError } from '@atendo/shared/errors';
import { storableFileName } from '@atendo/shared/rules/storable-text';
import { ensure } from '@atendo/shared/rules/decision';
import { canSend } from '@atendo/shared/rules/permissions';
import type { Agent } from '@atendo/shared/schemas/agent';
import type { Attachment } from '@atendo/shared/schemas/message';
import { receiveFile } from '../security/receive-file';
import type { Deps } from './deps';
import { requireChannel, requireConversation } from './lookup';

export type UploadInput = {
  conversationId: string;
  /** Already decoded and reduced to a base name (security/file-name.ts). */
  fileName: string;
  mimeType: string;
  /** Content-Length as sent; absent or null when chunked. */
  declaredLength?: number | null;
  /** The request itself (or, for tests and tools, the bytes). */
  body: Readable | Buffer;
};

/**
 * Stores a file an agent is about to send. The agent's right to send in the conversation is
 * checked before a byte of the body is read; the body then goes through receiveFile (streamed
 * under the channel's limit, typed by its bytes, the policy applied to that type). The file
 * gets a server-made name so nothing the client sends reaches the file system path. An upload
 * never attached to a message is removed after a grace period (security/orphan-uploads.ts).
 */
export async function storeUpload(
  deps: Deps,
  actor: Agent,
  input: UploadInput,
): Promise<Attachment> {
  const conversation = await requireConversation(deps.db, input.conversationId);
  ensure(canSend(actor, conversation));
  const channel = await requireChannel(deps.db, conversation.channelId);
  // No controls or bidi overrides reach what is stored (rules/storable-text).
  const fileName = storableFileName(input.fileName);
  if (fileName === '') {
    throw new AtendoError('invalid-input', 'a file name is required', { field: 'X-File-Name' });
  }
  const id = deps.newId();
  const relative = path.join('uploads', id);
  const absolute = path.join(deps.dataDir, relative);
  await fs.mkdir(path.dirname(absolute), { recursive: true });
  const bytes = Buffer.isBuffer(input.body) ? input.body : null;
  const body = bytes ? Readable.from([bytes]) : (input.body as Readable);
  const file = await receiveFile(body, absolute, {
    channelKind: channel.kind,
    declaredMime: input.mimeType,
    declaredLength: bytes ? bytes.length : (input.declaredLength ?? null),
    fileName,
  });
  try {
    await deps.db
      .insertInto('uploads')
      .values({
        id,
        conversation_id: conversation.id,
        agent_id: actor.id,
        file_name: fileName,
        mime_type: file.mimeType,
        size: file.size,
        media_type: file.mediaType,
        animated: 0,
        path: relative,
        created_at: deps.clock.now(),
      })
      .execute();
  } catch (error) {
    await fs.rm(absolute, { force: true });
    throw error;
  }
  return {
    id,
    fileName,
    mimeType: file.mimeType,
    size: file.size,
    mediaType: file.mediaType,
  };
}
