import { join } from 'node:path';
import { loadTimeline } from '../../repo/messages';
import type { Tx } from '../../services/deps';
import type { VisitorFile } from './ports';
import { visitorMessage } from './visitor-view';

/**
 * A file the visitor may open: an upload of a conversation opened with this visitor on this
 * channel, attached to a message the visitor's transcript shows. A file an agent uploaded but
 * has not sent, or sent only in an internal note, stays inside the contact center. Null for
 * anything else, so the route answers 404 whether or not the file exists.
 */
export async function findVisitorFile(
  db: Tx,
  dataDir: string,
  query: { channelId: string; address: string; attachmentId: string },
): Promise<VisitorFile | null> {
  const upload = await db
    .selectFrom('uploads')
    .innerJoin('conversations', 'conversations.id', 'uploads.conversation_id')
    .select(['uploads.conversation_id', 'uploads.file_name', 'uploads.mime_type', 'uploads.path'])
    .where('uploads.id', '=', query.attachmentId)
    .where('conversations.channel_id', '=', query.channelId)
    // The conversation's own visitor, whatever the contact's addresses say now (issue 10).
    .where('conversations.address', '=', query.address)
    .executeTakeFirst();
  if (!upload) return null;
  // The transcript's own rule decides what the visitor sees, so the two cannot drift apart.
  const timeline = await loadTimeline(db, upload.conversation_id);
  const shown = timeline.some(
    (message) =>
      visitorMessage(message, () => null) !== null &&
      message.attachments.some((attachment) => attachment.id === query.attachmentId),
  );
  if (!shown) return null;
  return {
    fileName: upload.file_name,
    mimeType: upload.mime_type,
    absolutePath: join(dataDir, upload.path),
  };
}
