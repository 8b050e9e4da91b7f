import type { Kysely } from 'kysely';
import type { Actor } from '@atendo/shared/schemas/agent';
import type { PullInput, PullResult } from '@atendo/shared/sync/protocol';
import type { DB } from '../db/schema';
import { FEED_COLLECTIONS_OF, type FeedCollection } from './collections';
import { docKey, loadCurrentDocuments } from './documents';
import { feedHead, readKeyWindow, type AudienceHit } from './feed-reads';
import { databaseInstanceId } from './instance';
import { syncScope, type SyncScope } from './scope';
import { documentsFor, foldVisibility, SyncDocumentCache, type Visibility } from './visibility';

/**
 * One page of a collection for one agent: the documents whose latest change since the
 * checkpoint reached one of the agent's audience keys. The checkpoint returned is the highest
 * sequence examined, visible or not, so the next page never reads the same rows again.
 */
export async function pullCollection(
  db: Kysely<DB>,
  actor: Actor,
  input: PullInput,
): Promise<PullResult> {
  const scope = syncScope(actor, await databaseInstanceId(db));
  if (input.checkpoint !== null && input.checkpoint.epoch !== scope.epoch) {
    // Another database or another scope: nothing the client holds can be trusted to be the
    // agent's current view, so it drops the collection and pulls again from the start.
    return { documents: [], checkpoint: { seq: 0, epoch: scope.epoch }, reset: true };
  }
  const head = await feedHead(db);
  const page = await gatherPage(db, scope, {
    collections: FEED_COLLECTIONS_OF[input.collection],
    after: input.checkpoint?.seq ?? 0,
    head,
    limit: input.limit,
  });
  const current = await loadCurrentDocuments(db, [...page.visible.values()]);
  return {
    documents: documentsFor(page.visible, new SyncDocumentCache(current)),
    checkpoint: { seq: page.checkpoint, epoch: scope.epoch },
    reset: false,
  };
}

type PageRequest = {
  collections: readonly FeedCollection[];
  after: number;
  head: number;
  limit: number;
};

type Page = { visible: Map<string, Visibility>; checkpoint: number };

/**
 * Reads changes until `limit` distinct documents are found or the head is reached. The replica
 * stops pulling when a page holds fewer documents than it asked for, so a page is only short
 * when nothing more is waiting; several changes of one document count once.
 */
async function gatherPage(db: Kysely<DB>, scope: SyncScope, request: PageRequest): Promise<Page> {
  const visible = new Map<string, Visibility>();
  let cursor = request.after;
  while (cursor < request.head) {
    const { hits, boundary } = await readVisibleWindow(db, scope, { ...request, after: cursor });
    for (const hit of hits) {
      const isNew = !visible.has(docKey(hit.collection, hit.docId));
      if (isNew && visible.size >= request.limit) {
        // Every row of a sequence belongs to one document, so all earlier sequences are done.
        return { visible, checkpoint: hit.seq - 1 };
      }
      foldVisibility([hit], visible);
    }
    cursor = boundary;
  }
  return { visible, checkpoint: Math.max(request.after, request.head) };
}

/**
 * The agent's hits in (after, head], key by key, merged in sequence order. When a key returned
 * a full window, rows of other keys beyond that key's last sequence may have been cut off, so
 * only rows up to the lowest such sequence (the boundary) are complete and returned.
 */
async function readVisibleWindow(
  db: Kysely<DB>,
  scope: SyncScope,
  request: PageRequest,
): Promise<{ hits: AudienceHit[]; boundary: number }> {
  let boundary = request.head;
  const all: AudienceHit[] = [];
  for (const key of scope.keys) {
    const hits = await readKeyWindow(db, { ...request, key, upTo: request.head });
    const last = hits.at(-1);
    if (hits.length === request.limit && last !== undefined) {
      boundary = Math.min(boundary, last.seq);
    }
    all.push(...hits);
  }
  const hits = all.filter((hit) => hit.seq <= boundary).sort((a, b) => a.seq - b.seq);
  return { hits, boundary };
}
