import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { manualClock } from '../server/src/clock';
import { migrate, openConfiguredDatabase, type Database } from '../server/src/db/database';
import type { DB } from '../server/src/db/schema';
import { seedDemo } from '../server/src/seed';

/*
 * Prepares the ingest benchmark's data directory: the demo organisation plus N agents with
 * ready sign-in tokens, spread over T teams, each team with its own inbound-only WhatsApp
 * number. With one team (the default) that is the demo's Suporte and its inbound-only number,
 * so every agent is in the audience of every message: the worst case for fan-out. Tokens are
 * written as the server stores them (a SHA-256 hash) instead of signing in N times through
 * scrypt. Agent i is in team i mod T.
 */

/** The demo's inbound-only WhatsApp number: no bot menu, so the run measures ingest alone. */
export const BENCH_CHANNEL_ID = 'channel-receptivo';
export const BENCH_PHONE_NUMBER_ID = '5511940000001';
const BENCH_TEAM_ID = 'team-suporte';

export const agentToken = (i: number): string => `bench-token-${String(i).padStart(4, '0')}`;

export type BenchInbox = { teamId: string; channelId: string; phoneNumberId: string };

/** Team t's inbound number; team 0 is the demo's Suporte with its inbound-only number. */
export const benchInbox = (t: number): BenchInbox =>
  t === 0
    ? { teamId: BENCH_TEAM_ID, channelId: BENCH_CHANNEL_ID, phoneNumberId: BENCH_PHONE_NUMBER_ID }
    : {
        teamId: `bench-team-${t}`,
        channelId: `bench-channel-${t}`,
        phoneNumberId: `55119500${String(t).padStart(5, '0')}`,
      };

export async function prepareDataDir(
  dataDir: string,
  agents: number,
  teams = 1,
  databaseUrl: string | null = null,
): Promise<BenchInbox[]> {
  const db = await openConfiguredDatabase({ dataDir, databaseUrl });
  if (databaseUrl !== null) await emptyPostgres(db);
  await migrate(db);
  const now = Date.now();
  await seedDemo(db, manualClock(now));
  const inboxes = Array.from({ length: teams }, (_, t) => benchInbox(t));
  await db.transaction().execute(async (trx) => {
    for (const inbox of inboxes.slice(1)) await addInbox(trx, inbox, now);
    for (let i = 0; i < agents; i++) {
      await addAgent(trx, i, inboxes[i % teams]?.teamId ?? BENCH_TEAM_ID, now);
    }
  });
  if (databaseUrl === null) await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  await db.destroy();
  return inboxes;
}

/**
 * The benchmark needs a fresh database, as it gets a fresh SQLite file: with --database-url it
 * drops every table of the PostgreSQL database's public schema. To keep that from ever meeting
 * real data, it refuses a database whose name does not contain "bench".
 */
async function emptyPostgres(db: Database): Promise<void> {
  const { name } = await sql<{ name: string }>`select current_database() as name`
    .execute(db)
    .then((r) => r.rows[0] ?? { name: '' });
  if (!name.includes('bench')) {
    throw new Error(`refusing to empty the database "${name}": its name must contain "bench"`);
  }
  await sql`drop schema public cascade`.execute(db);
  await sql`create schema public`.execute(db);
}

/** A copy of Suporte and of its inbound-only number under the inbox's ids. */
async function addInbox(trx: Transaction<DB>, inbox: BenchInbox, now: number): Promise<void> {
  const team = await trx
    .selectFrom('teams')
    .selectAll()
    .where('id', '=', BENCH_TEAM_ID)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('teams')
    .values({ ...team, id: inbox.teamId, name: `Bench ${inbox.teamId}`, updated_at: now })
    .execute();
  const channel = await trx
    .selectFrom('channels')
    .selectAll()
    .where('id', '=', BENCH_CHANNEL_ID)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('channels')
    .values({
      ...channel,
      id: inbox.channelId,
      name: `Bench ${inbox.channelId}`,
      default_team_id: inbox.teamId,
      external_id: inbox.phoneNumberId,
      updated_at: now,
    })
    .execute();
}

/** A copy of the demo agent Ana, in one team, with a session for agentToken(i). */
async function addAgent(trx: Transaction<DB>, i: number, teamId: string, now: number) {
  const ana = await trx
    .selectFrom('agents')
    .selectAll()
    .where('id', '=', 'agent-ana')
    .executeTakeFirstOrThrow();
  const id = `bench-agent-${i}`;
  await trx
    .insertInto('agents')
    .values({ ...ana, id, name: `Bench ${i}`, email: `bench${i}@atendo.demo`, capacity: 1000 })
    .execute();
  await trx.insertInto('agent_teams').values({ agent_id: id, team_id: teamId }).execute();
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
