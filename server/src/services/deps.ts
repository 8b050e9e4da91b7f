import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';
import type { ChangeNotifier } from '../feed/change-notifier';
import type { IdGenerator } from '../ids';
import type { Logger } from '../logger';
import type { SenderRegistry } from '../channels/registry';
import type { AccessLog } from '../privacy/access-log';
import type { SecretBox } from '../secrets/secret-box';
import type { Outbox } from './outbox';

/** What every service needs from the outside world; built once per app instance. */
export type Deps = {
  db: Database;
  clock: Clock;
  newId: IdGenerator;
  feed: ChangeNotifier;
  logger: Logger;
  senders: SenderRegistry;
  /** Deliveries that run after the request that stored their messages has been answered. */
  outbox: Outbox;
  /** Uploaded files live under `<dataDir>/uploads`. */
  dataDir: string;
  /** Who read what, and every refused attempt (LGPD; privacy/access-log.ts). */
  accessLog: AccessLog;
  /** Seals and opens secrets stored at rest (channel credentials). */
  secrets: SecretBox;
};

export type Tx = Kysely<DB>;

/**
 * Runs one action as one transaction and wakes live streams after it commits. Either every
 * row and change record of the action is written, or none is.
 */
export async function inTransaction<T>(deps: Deps, work: (trx: Tx) => Promise<T>): Promise<T> {
  const result = await deps.db.transaction().execute(work);
  deps.feed.notify();
  return result;
}
