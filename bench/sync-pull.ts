/*
 * How the sync server holds up at contact-center scale: a database with 100k messages, full
 * and incremental pulls for a supervisor and an agent, and one fan-out round routing a burst of
 * writes to 200 connected agents. Run: npx tsx bench/sync-pull.ts [conversations] [messagesEach]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Actor } from '@atendo/shared/schemas/agent';
import { conversationAudience } from '@atendo/shared/sync/audience';
import type { SyncCollection } from '@atendo/shared/sync/protocol';
import { sql } from 'kysely';
import type { Database } from '../server/src/db/database';
import { createChangeNotifier } from '../server/src/feed/change-notifier';
import { loadAgent } from '../server/src/repo/directory';
import { SyncFanout } from '../server/src/sync/fanout';
import type { OutgoingFrame } from '../server/src/sync/stream-frame';
import { pullCollection } from '../server/src/sync/pull';
import { openTestApp, type TestApp } from '../server/src/sync/test-harness';

const conversations = Number(process.argv[2] ?? 5000);
// Set KEEP_DB=1 to keep the generated database for further measurements.
const messagesEach = Number(process.argv[3] ?? 20);
const TEAMS = ['team-suporte', 'team-vendas'];
const OWNERS = ['agent-ana', 'agent-bruno', 'agent-diego', 'agent-carla'];

async function generate(db: Database, at: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let c = 0; c < conversations; c++) {
      const id = `bench-conv-${c}`;
      const teamId = TEAMS[c % 2] ?? 'team-suporte';
      const ownerId = OWNERS[c % OWNERS.length] ?? null;
      const state = c % 3 === 0 ? 'closed' : 'active';
      const contactId = `bench-contact-${c}`;
      await trx
        .insertInto('contacts')
        .values({
          id: contactId,
          name: `Contact ${c}`,
          emails: '[]',
          custom_fields: '{}',
          created_at: at,
          updated_at: at,
          version: 0,
        })
        .execute();
      await trx
        .insertInto('conversations')
        .values({
          id,
          contact_id: contactId,
          channel_id: 'channel-webchat',
          team_id: teamId,
          owner_id: ownerId,
          state,
          disposition_id: null,
          last_inbound_at: at,
          last_message_at: at,
          last_message_preview: 'x',
          created_at: at,
          queued_at: null,
          closed_at: state === 'closed' ? at : null,
          csat_deadline: null,
          bot_deadline: null,
          updated_at: at,
        })
        .execute();
      const keys = conversationAudience({ state, teamId, ownerId, participantIds: [] });
      await change(trx, 'contact', contactId, ['all'], at);
      await change(trx, 'conversation', id, keys, at);
      const rows = Array.from({ length: messagesEach }, (_, m) => ({
        id: `${id}-m${m}`,
        conversation_id: id,
        channel_id: 'channel-webchat',
        direction: 'inbound',
        kind: 'text',
        author_agent_id: null,
        body: `message ${m}`,
        attachments: '[]',
        template: null,
        system: null,
        status: 'delivered',
        error: null,
        channel_message_id: null,
        client_id: null,
        created_at: at + m,
        updated_at: at + m,
      }));
      await trx.insertInto('messages').values(rows).execute();
      for (const row of rows) await change(trx, 'message', row.id, keys, at);
    }
  });
}

async function change(
  trx: Database,
  collection: string,
  docId: string,
  keys: string[],
  at: number,
): Promise<void> {
  const { seq } = await trx
    .insertInto('changes')
    .values({ collection, doc_id: docId, at })
    .returning('seq')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('change_audience')
    .values(keys.map((key) => ({ seq, key, grant: 1 })))
    .execute();
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
  return result;
}

async function fullPull(app: TestApp, actor: Actor, collection: SyncCollection) {
  let checkpoint = null;
  let documents = 0;
  let pages = 0;
  for (;;) {
    const page = await pullCollection(app.db, actor, { collection, checkpoint, limit: 2000 });
    pages++;
    documents += page.documents.length;
    checkpoint = page.checkpoint;
    if (page.documents.length < 2000) return { documents, pages, checkpoint };
  }
}

async function main(): Promise<void> {
  const app = await openTestApp(fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-bench-')));
  await timed(`generate ${conversations} conversations x ${messagesEach} messages`, () =>
    generate(app.db, app.clock.now()),
  );
  const plan = await sql<{
    detail: string;
  }>`EXPLAIN QUERY PLAN SELECT ca.seq FROM change_audience ca JOIN changes c ON c.seq = ca.seq WHERE ca.key = 'monitor' AND ca.seq > 0 AND ca.seq <= 10 AND c.collection IN ('message') ORDER BY ca.seq LIMIT 10`.execute(
    app.db,
  );
  console.log('plan:', plan.rows.map((r) => r.detail).join(' | '));
  for (const id of ['agent-carla', 'agent-ana']) {
    const actor = await loadAgent(app.db, id);
    if (actor === null) throw new Error(`no ${id}`);
    for (const collection of ['messages', 'conversations', 'contacts'] as const) {
      const result = await timed(`${id} full pull ${collection}`, () =>
        fullPull(app, actor, collection),
      );
      console.log(`  ${result.documents} documents in ${result.pages} pages`);
    }
  }
  await fanoutBurst(app);
  await app.db.destroy();
  if (process.env.KEEP_DB === undefined) fs.rmSync(app.dir, { recursive: true, force: true });
  else console.log(`kept ${app.dir}`);
}

/** 200 subscribed agents across both teams, then 1000 new messages routed in one catch-up. */
async function fanoutBurst(app: TestApp): Promise<void> {
  const fanout = new SyncFanout(app.db, createChangeNotifier(), app.deps.logger, {
    windowSize: 2000,
    maxBufferedBytes: Number.MAX_SAFE_INTEGER,
  });
  // Memory sinks: the fan-out's own work (read, route, serialise once per audience group),
  // without the sockets.
  let frames = 0;
  let bytes = 0;
  const sink = {
    send: (frame: OutgoingFrame) => {
      frames += 1;
      bytes += frame.bytes.length;
    },
    bufferedAmount: 0,
  };
  const subscriptions = [];
  for (let i = 0; i < 200; i++) {
    const actor: Actor = {
      id: OWNERS[i % OWNERS.length] ?? 'agent-ana',
      role: i % 20 === 0 ? 'supervisor' : 'agent',
      teamIds: [TEAMS[i % 2] ?? 'team-suporte'],
      permissions: [],
    };
    subscriptions.push(await fanout.subscribe(actor, sink));
  }
  const at = app.clock.now();
  await app.db.transaction().execute(async (trx) => {
    for (let m = 0; m < 1000; m++) {
      const c = (m * 7) % conversations;
      const keys = conversationAudience({
        state: 'active',
        teamId: TEAMS[c % 2] ?? 'team-suporte',
        ownerId: OWNERS[c % OWNERS.length] ?? null,
        participantIds: [],
      });
      await change(trx, 'message', `bench-conv-${c}-m0`, keys, at);
    }
  });
  frames = 0;
  bytes = 0;
  await timed('fan-out: 1000 changes routed to 200 subscribers', async () => {
    fanout.wake();
    await fanout.idle();
  });
  console.log(`  ${frames} frames, ${(bytes / 1e6).toFixed(1)} MB written to the sinks`);
  for (const s of subscriptions) s.close();
}

await main();
