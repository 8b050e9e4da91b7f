import { RETENTION_OFF, RetentionSettings } from '@atendo/shared/rules/retention';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { fromJson } from '../db/json';
import { inTransaction } from '../services/deps';
import { insertAccessRecords } from './access-log';
import { accessRecord, type Reader } from './audited';

/* The retention periods, kept server-side in privacy_settings (one row, off until set). */

const KEY = 'retention';

export async function loadRetention(db: Kysely<DB>): Promise<RetentionSettings> {
  const row = await db
    .selectFrom('privacy_settings')
    .select('value')
    .where('key', '=', KEY)
    .executeTakeFirst();
  return row ? fromJson(RetentionSettings, row.value) : RETENTION_OFF;
}

/** Saves new periods; the change and who made it go to the access log in the same transaction. */
export async function saveRetention(
  reader: Reader,
  settings: RetentionSettings,
): Promise<RetentionSettings> {
  const now = reader.deps.clock.now();
  const row = {
    key: KEY,
    value: JSON.stringify(settings),
    updated_at: now,
    updated_by: reader.agent.id,
  };
  await inTransaction(reader.deps, async (trx) => {
    await trx
      .insertInto('privacy_settings')
      .values(row)
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({ value: row.value, updated_at: now, updated_by: row.updated_by }),
      )
      .execute();
    const target = {
      action: 'privacy.retention' as const,
      entityType: 'settings' as const,
      entityId: KEY,
    };
    await insertAccessRecords(trx, [accessRecord(reader, target, { refused: null })]);
  });
  return settings;
}
