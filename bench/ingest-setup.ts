import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { manualClock } from '../server/src/clock';
import { migrate, openDatabase } from '../server/src/db/database';
import { seedDemo } from '../server/src/seed';

/*
 * Prepares the ingest benchmark's data directory: the demo organisation plus N agents of the
 * Suporte team (the team the inbound-only WhatsApp channel queues into, so every agent is in
 * the audience of every message) with ready sign-in tokens. Tokens are written as the server
 * stores them (a SHA-256 hash) instead of signing in N times through scrypt.
 */

/** The demo's inbound-only WhatsApp number: no bot menu, so the run measures ingest alone. */
export const BENCH_CHANNEL_ID = 'channel-receptivo';
export const BENCH_PHONE_NUMBER_ID = '5511940000001';

export const agentToken = (i: number): string => `bench-token-${String(i).padStart(4, '0')}`;

export async function prepareDataDir(dataDir: string, agents: number): Promise<void> {
  const db = openDatabase(dataDir);
  await migrate(db);
  const now = Date.now();
  await seedDemo(db, manualClock(now));
  const ana = await db
    .selectFrom('agents')
    .selectAll()
    .where('id', '=', 'agent-ana')
    .executeTakeFirstOrThrow();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < agents; i++) {
      const id = `bench-agent-${i}`;
      await trx
        .insertInto('agents')
        .values({ ...ana, id, name: `Bench ${i}`, email: `bench${i}@atendo.demo`, capacity: 1000 })
        .execute();
      await trx
        .insertInto('agent_teams')
        .values({ agent_id: id, team_id: 'team-suporte' })
        .execute();
      await trx
        .insertInto('sessions')
        .values({
          token_hash: createHash('sha256').update(agentToken(i)).digest('hex'),
          agent_id: id,
          created_at: now,
          expires_at: now + 24 * 3_600_000,
        })
        .execute();
    }
  });
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  await db.destroy();
}
