import { sql } from 'kysely';
import type { Database } from '../db/database';
import { dialectOf } from '../db/dialect';
import type { Tx } from '../services/deps';

/*
 * Deleting a row does not take its bytes off the disk: SQLite leaves them in free pages, and the
 * write-ahead log keeps the pages as they were until a checkpoint. Erasure and retention turn on
 * SQLite's secure_delete for their own transaction (freed content is overwritten with zeros)
 * and then checkpoint and truncate the WAL. PostgreSQL keeps dead rows until VACUUM; see
 * docs/privacy.md for what the operator does there and for backups.
 */

/** Call first inside the transaction that deletes personal data. */
export async function secureDeleteOn(trx: Tx): Promise<void> {
  if (dialectOf(trx) === 'sqlite') await sql`PRAGMA secure_delete = ON`.execute(trx);
}

/** Call last inside that transaction: other writes keep SQLite's faster default. */
export async function secureDeleteOff(trx: Tx): Promise<void> {
  if (dialectOf(trx) === 'sqlite') await sql`PRAGMA secure_delete = OFF`.execute(trx);
}

/** After the commit: old page images leave the WAL (best effort while readers hold it). */
export async function purgeWriteAheadLog(db: Database): Promise<void> {
  if (dialectOf(db) === 'sqlite') await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
}
