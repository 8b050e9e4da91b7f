import { z } from 'zod';
import {
  Checkpoint,
  StreamEventEnvelope,
  StreamFrame,
  syncDocumentSchema,
  type PullResult,
  type StreamEvent,
  type SyncCollection,
  type SyncDocument,
} from '@atendo/shared/sync/protocol';

/*
 * What the server sends the store, parsed with the shared zod schemas: pull pages (tRPC over
 * HTTP) and live stream frames (the plain websocket). The network is a trust boundary whatever
 * the types say, so every document is checked against its collection's schema.
 */

// A live document is whole; a removal is its id alone (an older server's full removal is
// reduced to the id), since the store deletes by id and the rest is not the agent's to see.
const documentSchema = syncDocumentSchema;

// Each collection's schema produces that collection's document type; zod cannot tie the two
// through a runtime key, hence the one assertion.
const parseDocuments = (collection: SyncCollection, documents: unknown) =>
  z.array(documentSchema(collection)).parse(documents) as SyncDocument<SyncCollection>[];

const PullEnvelope = z.object({
  documents: z.array(z.unknown()),
  checkpoint: Checkpoint,
  reset: z.boolean(),
});

export function parsePullResult(collection: SyncCollection, raw: unknown): PullResult {
  const envelope = PullEnvelope.parse(raw);
  return { ...envelope, documents: parseDocuments(collection, envelope.documents) };
}

const toStreamEvent = (event: z.infer<typeof StreamEventEnvelope>): StreamEvent =>
  event.type !== 'changes'
    ? event
    : { ...event, documents: parseDocuments(event.collection, event.documents) };

export function parseStreamEvent(raw: unknown): StreamEvent {
  return toStreamEvent(StreamEventEnvelope.parse(raw));
}

/**
 * One websocket message: a JSON array of events, all checked before any is delivered, so a
 * frame is applied whole or not at all. Throws on anything malformed.
 */
export function parseStreamFrame(data: unknown): StreamEvent[] {
  if (typeof data !== 'string') throw new Error('The change stream sent a binary frame.');
  return StreamFrame.parse(JSON.parse(data)).map(toStreamEvent);
}
