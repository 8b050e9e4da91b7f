import type { Kysely } from 'kysely';
import { runCached } from '../db/query-cache';
import type { DB } from '../db/schema';

export type FeedCollection =
  | 'conversation'
  | 'message'
  | 'contact'
  | 'template'
  | 'tag'
  | 'disposition'
  | 'agent'
  | 'team'
  | 'channel'
  | 'quick_reply';

export type ChangeInput = {
  collection: FeedCollection;
  docId: string;
  /** Audience keys of the document after the change. */
  grants: readonly string[];
  /** Keys it had before and lost: those agents receive a removal. */
  revokes: readonly string[];
  at: number;
};

/**
 * Rows per insert statement: SQLite caps the bound values of one statement, and a conversation
 * re-announced to a new audience can carry thousands of messages.
 */
const CHUNK = 200;

/**
 * Appends one change to the feed. Call it inside the transaction that writes the document, so
 * the change and the data commit together and `seq` follows commit order.
 */
export async function recordChange(trx: Kysely<DB>, change: ChangeInput): Promise<number> {
  const [seq] = await recordChanges(trx, [change]);
  if (seq === undefined) throw new Error('the change feed returned no seq');
  return seq;
}

/**
 * Appends changes in the given order (their `seq`s increase in it), with one insert for the
 * changes and one for their audience rows instead of two per change: an inbound message
 * records two or four changes, and each statement costs more than the row it writes.
 */
export async function recordChanges(
  trx: Kysely<DB>,
  changes: readonly ChangeInput[],
): Promise<number[]> {
  const seqs: number[] = [];
  for (let start = 0; start < changes.length; start += CHUNK) {
    const chunk = changes.slice(start, start + CHUNK);
    const values = chunk.map((c) => ({ collection: c.collection, doc_id: c.docId, at: c.at }));
    const inserted = await runCached(trx, 'changes', values, (db, rows) =>
      db.insertInto('changes').values(rows).returning('seq'),
    );
    // One statement numbers its rows in VALUES order; RETURNING promises no order, so sort.
    const chunkSeqs = inserted.map((row) => row.seq).sort((a, b) => a - b);
    const rows = chunk.flatMap((change, i) => audienceRows(chunkSeqs[i], change));
    for (let from = 0; from < rows.length; from += CHUNK) {
      await runCached(trx, 'change-audience', rows.slice(from, from + CHUNK), (db, part) =>
        db.insertInto('change_audience').values(part),
      );
    }
    seqs.push(...chunkSeqs);
  }
  return seqs;
}

function audienceRows(seq: number | undefined, change: ChangeInput) {
  if (seq === undefined) throw new Error('the change feed returned too few seqs');
  const grants = [...new Set(change.grants)];
  const revokes = [...new Set(change.revokes)].filter((key) => !grants.includes(key));
  return [
    ...grants.map((key) => ({ seq, key, grant: 1 })),
    ...revokes.map((key) => ({ seq, key, grant: 0 })),
  ];
}
