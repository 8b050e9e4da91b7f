import type { Kysely } from 'kysely';
import type { Actor } from '@atendo/shared/schemas/agent';
import type {
  PullInput,
  PullResult,
  SyncDocument,
  SyncCollection,
} from '@atendo/shared/sync/protocol';
import type { WorkingSetSettings } from '@atendo/shared/sync/working-set';
import { DEFAULT_WORKING_SET } from '@atendo/shared/sync/working-set';
import type { DB } from '../db/schema';
import { FEED_COLLECTIONS_OF, keysOfCollection, type FeedCollection } from './collections';
import { docKey, loadCurrentDocuments } from './documents';
import { feedHead, readKeyWindow, type AudienceHit } from './feed-reads';
import { databaseInstanceId } from './instance';
import { syncScope, type SyncScope } from './scope';
import { snapshotPage, SNAPSHOT_COLLECTIONS } from './snapshot';
import { documentsFor, foldVisibility, SyncDocumentCache, type Visibility } from './visibility';

/** What a pull needs besides the request: the time (the history window) and the settings. */
export type PullContext = { now: number; settings: WorkingSetSettings };

const DEFAULT_CONTEXT = (): PullContext => ({ now: Date.now(), settings: DEFAULT_WORKING_SET });

/**
 * One page of a collection for one agent. The first pull of conversations, messages and
 * contacts (no checkpoint) is a snapshot of the agent's working set (snapshot.ts), paged with a
 * cursor in the checkpoint and followed, in the same page once it is complete, by the feed
 * from the head read when it began. Every other pull reads the feed: the documents whose
 * latest change since the checkpoint reached one of the agent's audience keys, with the
 * highest sequence examined as the new checkpoint.
 */
export async function pullCollection(
  db: Kysely<DB>,
  actor: Actor,
  input: PullInput,
  context: PullContext = DEFAULT_CONTEXT(),
): Promise<PullResult> {
  const scope = syncScope(actor, await databaseInstanceId(db));
  if (input.checkpoint !== null && input.checkpoint.epoch !== scope.epoch) {
    // Another database or another scope: nothing the client holds can be trusted to be the
    // agent's current view, so it drops the collection and pulls again from the start.
    return { documents: [], checkpoint: { seq: 0, epoch: scope.epoch }, reset: true };
  }
  const head = await feedHead(db);
  const { checkpoint } = input;
  const snapshotting =
    SNAPSHOT_COLLECTIONS.has(input.collection) &&
    (checkpoint === null || checkpoint.cursor !== undefined);
  if (!snapshotting) {
    return feedPage(db, scope, input.collection, checkpoint?.seq ?? 0, head, input.limit);
  }
  const from = checkpoint?.seq ?? head;
  const snapshot = await fullSnapshotPage(db, scope, input, context);
  const documents = snapshot.documents.map((doc) => ({ ...doc, _deleted: false as const }));
  if (snapshot.next !== null) {
    return {
      documents,
      checkpoint: { seq: from, epoch: scope.epoch, cursor: snapshot.next },
      reset: false,
    };
  }
  const rest = await feedPage(
    db,
    scope,
    input.collection,
    from,
    head,
    input.limit - documents.length,
  );
  return { ...rest, documents: [...documents, ...rest.documents] };
}

/** Snapshot pages until `limit` documents are found or the snapshot ends (ids may be gone). */
async function fullSnapshotPage(
  db: Kysely<DB>,
  scope: SyncScope,
  input: PullInput,
  context: PullContext,
) {
  const request = {
    scope: { agentId: scope.agentId, keys: scope.keys },
    now: context.now,
    settings: context.settings,
    cursor: input.checkpoint?.cursor ?? '',
    limit: input.limit,
  };
  const documents = [];
  for (;;) {
    const page = await snapshotPage(db, input.collection, {
      ...request,
      limit: input.limit - documents.length,
    });
    documents.push(...page.documents);
    if (page.next === null || documents.length >= input.limit)
      return { documents, next: page.next };
    request.cursor = page.next;
  }
}

/**
 * The feed after `after` for this collection, until `limit` documents are found or the head is
 * reached. A page is short only at the head, because the replica stops pulling at a short page:
 * documents deleted from their table since the change are skipped and the read goes on.
 */
async function feedPage(
  db: Kysely<DB>,
  scope: SyncScope,
  collection: SyncCollection,
  after: number,
  head: number,
  limit: number,
): Promise<PullResult> {
  const documents: SyncDocument<SyncCollection>[] = [];
  let seq = after;
  while (limit - documents.length > 0) {
    const page = await gatherPage(db, {
      keys: keysOfCollection(collection, scope.keys),
      collections: FEED_COLLECTIONS_OF[collection],
      after: seq,
      head,
      limit: limit - documents.length,
    });
    const current = await loadCurrentDocuments(db, [...page.visible.values()]);
    documents.push(...documentsFor(page.visible, new SyncDocumentCache(current)));
    seq = page.checkpoint;
    if (seq >= head) break;
  }
  return { documents, checkpoint: { seq: Math.max(seq, after), epoch: scope.epoch }, reset: false };
}

type PageRequest = {
  keys: readonly string[];
  collections: readonly FeedCollection[];
  after: number;
  head: number;
  limit: number;
};

type Page = { visible: Map<string, Visibility>; checkpoint: number };

/**
 * Reads changes until `limit` distinct documents are found or the head is reached. Several
 * changes of one document count once.
 */
async function gatherPage(db: Kysely<DB>, request: PageRequest): Promise<Page> {
  const visible = new Map<string, Visibility>();
  let cursor = request.after;
  while (cursor < request.head) {
    const { hits, boundary } = await readVisibleWindow(db, { ...request, after: cursor });
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
  request: PageRequest,
): Promise<{ hits: AudienceHit[]; boundary: number }> {
  let boundary = request.head;
  const all: AudienceHit[] = [];
  for (const key of request.keys) {
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
