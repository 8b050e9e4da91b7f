import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { isFeedCollection, type FeedCollection } from './collections';

/** One audience row of a change, joined with the change it belongs to. */
export type AudienceHit = {
  seq: number;
  collection: FeedCollection;
  docId: string;
  key: string;
  granted: boolean;
};

/** The highest committed sequence number; 0 on an empty feed. */
export async function feedHead(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('changes')
    .select((eb) => eb.fn.max('seq').as('head'))
    .executeTakeFirst();
  return row?.head ?? 0;
}

export type KeyWindow = {
  key: string;
  collections: readonly FeedCollection[];
  /** Exclusive lower bound. */
  after: number;
  /** Inclusive upper bound: the head read before, so rows committed later wait for next time. */
  upTo: number;
  limit: number;
};

/**
 * The first `limit` changes of the given collections visible through one audience key. Reading
 * key by key walks the (key, seq) index in order and stops at the limit, where one query over
 * every key would have to sort all of the agent's remaining rows for each page.
 */
export async function readKeyWindow(db: Kysely<DB>, window: KeyWindow): Promise<AudienceHit[]> {
  const rows = await db
    .selectFrom('change_audience as ca')
    .innerJoin('changes as c', 'c.seq', 'ca.seq')
    .select(['ca.seq', 'ca.key', 'ca.grant', 'c.collection', 'c.doc_id'])
    .where('ca.key', '=', window.key)
    .where('ca.seq', '>', window.after)
    .where('ca.seq', '<=', window.upTo)
    .where('c.collection', 'in', window.collections)
    .orderBy('ca.seq')
    .limit(window.limit)
    .execute();
  return rows.flatMap(toHit);
}

/**
 * Every audience row in (after, upTo] for any of `keys`, in sequence order: what the live
 * fan-out routes to subscribers. Filtering by key uses the (key, seq) index; there is no index
 * on `seq` alone, so reading every row of a window would scan the whole table.
 */
export async function readAudienceWindow(
  db: Kysely<DB>,
  keys: readonly string[],
  after: number,
  upTo: number,
): Promise<AudienceHit[]> {
  const hits: AudienceHit[] = [];
  // Chunks keep the IN list below SQLite's limit on bound parameters.
  for (let start = 0; start < keys.length; start += KEY_CHUNK) {
    const rows = await db
      .selectFrom('change_audience as ca')
      .innerJoin('changes as c', 'c.seq', 'ca.seq')
      .select(['ca.seq', 'ca.key', 'ca.grant', 'c.collection', 'c.doc_id'])
      .where('ca.key', 'in', keys.slice(start, start + KEY_CHUNK))
      .where('ca.seq', '>', after)
      .where('ca.seq', '<=', upTo)
      .execute();
    hits.push(...rows.flatMap(toHit));
  }
  return hits.sort((a, b) => a.seq - b.seq);
}

const KEY_CHUNK = 1000;

type Row = { seq: number; key: string; grant: number; collection: string; doc_id: string };

// A collection this version does not know (written by a newer server) is skipped, not sent.
const toHit = (row: Row): AudienceHit[] =>
  isFeedCollection(row.collection)
    ? [
        {
          seq: row.seq,
          collection: row.collection,
          docId: row.doc_id,
          key: row.key,
          granted: row.grant === 1,
        },
      ]
    : [];

/** Agents whose own record changed in (after, upTo]: a range read on the primary key. */
export async function changedAgentIds(
  db: Kysely<DB>,
  after: number,
  upTo: number,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('changes')
    .select('doc_id')
    .where('seq', '>', after)
    .where('seq', '<=', upTo)
    .where('collection', '=', 'agent')
    .execute();
  return new Set(rows.map((row) => row.doc_id));
}
