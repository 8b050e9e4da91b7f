import type { SyncPayload } from './documents';

/**
 * What a removal tells an agent about a document that just left their scope. The client's store
 * needs a whole document to delete, but the current version describes where the document went
 * (a conversation's new owner, participants, tags and preview; a message's text), which the
 * agent may no longer see. So a removal carries the document's identity and ordering fields,
 * with everything that describes its new scope or content emptied.
 */
export function removalDocument(doc: SyncPayload): SyncPayload {
  if ('contactId' in doc && 'participantIds' in doc) {
    return {
      ...doc,
      ownerId: null,
      participantIds: [],
      tagIds: [],
      dispositionId: null,
      lastMessagePreview: null,
      csatDeadline: null,
      botDeadline: null,
    };
  }
  if ('conversationId' in doc && 'direction' in doc) {
    return { ...doc, body: '', attachments: [], template: null, system: null, error: null };
  }
  return doc;
}
