import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import { createServer } from '../app';
import { manualClock } from '../clock';
import { loadConfig } from '../config';
import { migrate } from '../db/database';
import { atendoTypes } from '../db/postgres';
import type { DB } from '../db/schema';
import { createLogger } from '../logger';
import { seedDemo } from '../seed';
import { systemMessage, writeConversation } from '../services/conversation-writer';
import type { Deps } from '../services/deps';
import { START } from '../testing/harness';
import { runRetention } from './retention';

/*
 * Two server nodes on one real PostgreSQL run the retention timer at the same moment: each row
 * must be deleted, tombstoned and announced once. PGlite serves one connection, so only a real
 * server shows the row locks at work. Runs when ATENDO_TEST_POSTGRES_URL names a database; it
 * works in a schema of its own, created and dropped here.
 */

const url = process.env.ATENDO_TEST_POSTGRES_URL;
const schema = `atendo_retention_${process.pid}`;
const DAY = 86_400_000;
const CLOSED = 450;

const open = (): Kysely<DB> =>
  new Kysely<DB>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({
        connectionString: url,
        max: 1,
        types: atendoTypes,
        options: `-c search_path=${schema}`,
      }),
    }),
  });

function node(db: Kysely<DB>, dir: string): Deps {
  const config = loadConfig({ ATENDO_DATA_DIR: dir, ATENDO_PORT: '0', LOG_LEVEL: 'silent' });
  let next = 0;
  const server = createServer({
    config,
    db,
    clock: manualClock(START),
    logger: createLogger('silent'),
    newId: () => `n-${++next}`,
  });
  return server.deps;
}

async function closedConversation(deps: Deps, index: number): Promise<void> {
  const at = START - 40 * DAY + index;
  const id = `conv-old-${index}`;
  const conversation: Conversation = {
    id,
    contactId: 'contact-lucia',
    channelId: 'channel-webchat',
    teamId: 'team-vendas',
    ownerId: 'agent-diego',
    participantIds: [],
    tagIds: [],
    dispositionId: null,
    state: 'closed',
    lastInboundAt: at,
    lastMessageAt: at,
    lastMessagePreview: 'olá',
    createdAt: at,
    queuedAt: null,
    closedAt: at,
    csatDeadline: null,
    botDeadline: null,
    updatedAt: at,
  };
  const messages = [0, 1].map((m) => ({
    ...systemMessage(`${id}-m${m}`, id, { type: 'started', agentId: null }, at),
    direction: 'inbound' as const,
    kind: 'text' as const,
    body: 'olá',
    system: null,
  }));
  await deps.db
    .transaction()
    .execute((trx) => writeConversation(trx, { before: null, after: conversation, messages }));
}

describe.skipIf(url === undefined)('retention on two nodes of one PostgreSQL', () => {
  let admin: pg.Client;
  let first: Kysely<DB>;
  let second: Kysely<DB>;
  let dir: string;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-nodes-'));
    first = open();
    second = open();
    await migrate(first);
    await seedDemo(first, manualClock(START));
  });
  afterAll(async () => {
    await first.destroy();
    await second.destroy();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('deletes, tombstones and announces each conversation once', async () => {
    const a = node(first, dir);
    const b = node(second, dir);
    for (let i = 0; i < CLOSED; i++) await closedConversation(a, i);
    await first
      .insertInto('privacy_settings')
      .values({
        key: 'retention',
        value: JSON.stringify({ conversationMonths: 1, fileDays: null }),
        updated_at: START,
        updated_by: null,
      })
      .execute();
    const head =
      (await sql<{ head: number }>`select max(seq) as head from changes`.execute(first)).rows[0]
        ?.head ?? 0;

    const [ra, rb] = await Promise.all([runRetention(a, START), runRetention(b, START)]);

    // The seeded closed conversations (February) are within the month; the 450 (January) are not.
    expect(ra.conversations + rb.conversations).toBe(CLOSED);
    expect(ra.conversations).toBeGreaterThan(0);
    expect(rb.conversations).toBeGreaterThan(0);
    const left = await first
      .selectFrom('conversations')
      .select('id')
      .where('id', 'like', 'conv-old-%')
      .execute();
    expect(left).toEqual([]);
    const announced = await sql<{ collection: string; n: number }>`
      select collection, count(*) as n from changes where seq > ${head} group by collection order by collection`.execute(
      first,
    );
    expect(announced.rows).toEqual([
      { collection: 'conversation', n: CLOSED },
      { collection: 'message', n: 2 * CLOSED },
    ]);
    const twice = await sql`
      select doc_id from changes where seq > ${head} group by collection, doc_id having count(*) > 1`.execute(
      first,
    );
    expect(twice.rows).toEqual([]);
    const tombstones = await first
      .selectFrom('feed_tombstones')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(tombstones.n).toBe(3 * CLOSED);
  });
});
