import fs from 'node:fs/promises';
import path from 'node:path';
import { AtendoError } from '@atendo/shared/errors';
import { storableFileName } from '@atendo/shared/rules/storable-text';
import { attachmentLimits, checkAttachment } from '@atendo/shared/rules/attachment-policy';
import { ensure } from '@atendo/shared/rules/decision';
import { canSend } from '@atendo/shared/rules/permissions';
import type { Agent } from '@atendo/shared/schemas/agent';
import type { Attachment } from '@atendo/shared/schemas/message';
import type { Deps } from './deps';
import { requireChannel, requireConversation } from './lookup';

/** The largest file any attachment on this channel may be, to cap the request body. */
export async function uploadLimit(deps: Deps, conversationId: string): Promise<number> {
  const conversation = await requireConversation(deps.db, conversationId);
  const channel = await requireChannel(deps.db, conversation.channelId);
  return Math.max(
    0,
    ...attachmentLimits(channel.kind).map((l) => Math.max(l.maxBytes, l.animatedMaxBytes ?? 0)),
  );
}

export type UploadInput = {
  conversationId: string;
  fileName: string;
  mimeType: string;
  body: Buffer;
};

/**
 * Stores a file an agent is about to send, after the channel's attachment policy accepts it.
 * The file gets a server-made name so nothing the client sends reaches the file system path.
 */
export async function storeUpload(
  deps: Deps,
  actor: Agent,
  input: UploadInput,
): Promise<Attachment> {
  const conversation = await requireConversation(deps.db, input.conversationId);
  ensure(canSend(actor, conversation));
  const channel = await requireChannel(deps.db, conversation.channelId);
  const { mediaType } = ensure(
    checkAttachment({
      channelKind: channel.kind,
      mimeType: input.mimeType,
      size: input.body.length,
    }),
  );
  // No path, controls or bidi overrides reach what is stored (rules/storable-text).
  const fileName = storableFileName(path.basename(input.fileName));
  if (fileName === '') {
    throw new AtendoError('invalid-input', 'a file name is required', { field: 'X-File-Name' });
  }
  const id = deps.newId();
  const relative = path.join('uploads', id);
  await fs.mkdir(path.join(deps.dataDir, 'uploads'), { recursive: true });
  await fs.writeFile(path.join(deps.dataDir, relative), input.body);
  await deps.db
    .insertInto('uploads')
    .values({
      id,
      conversation_id: conversation.id,
      agent_id: actor.id,
      file_name: fileName,
      mime_type: input.mimeType,
      size: input.body.length,
      media_type: mediaType,
      animated: 0,
      path: relative,
      created_at: deps.clock.now(),
    })
    .execute();
  return { id, fileName, mimeType: input.mimeType, size: input.body.length, mediaType };
}
