import type { SyncRemoval } from '@atendo/shared/sync/protocol';
import type { SyncPayload } from './documents';

/**
 * What a removal tells an agent about a document that just left their scope, or was deleted
 * for good: its id, nothing else. The current version describes where the document went (a
 * conversation's new team, state, owner and contact; a message's text), which the agent may no
 * longer see, and the client needs only the id to delete its copy (issue 10).
 */
export const removalDocument = (doc: Pick<SyncPayload, 'id'>): SyncRemoval => ({
  id: doc.id,
  _deleted: true,
});
