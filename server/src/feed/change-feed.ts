import type { Kysely } from 'kysely';
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
  | 'channel';

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
 * Appends one change to the feed. Call it inside the transaction that writes the document, so
 * the change and the data commit together and `seq` follows commit order.
 */
export async function recordChange(trx: Kysely<DB>, change: ChangeInput): Promise<number> {
  const { seq } = await trx
    .insertInto('changes')
    .values({ collection: change.collection, doc_id: change.docId, at: change.at })
    .returning('seq')
    .executeTakeFirstOrThrow();
  const grants = [...new Set(change.grants)];
  const revokes = [...new Set(change.revokes)].filter((key) => !grants.includes(key));
  const rows = [
    ...grants.map((key) => ({ seq, key, grant: 1 })),
    ...revokes.map((key) => ({ seq, key, grant: 0 })),
  ];
  if (rows.length > 0) await trx.insertInto('change_audience').values(rows).execute();
  return seq;
}
