/*
 * Seeds a database for the browser sync benchmark: the demo organisation, then conversations of
 * 20 messages each with their change-feed rows written directly (multi-row inserts with
 * explicit sequence numbers), far faster than going through the services. The rows have the
 * shape the writers produce (compare bench/sync-pull.ts and server/src/feed/change-feed.ts).
 */
import { conversationAudience } from '@atendo/shared/sync/audience';
import type { Database } from '../server/src/db/database';
import { migrate, openDatabase } from '../server/src/db/database';
import { seedDemo } from '../server/src/seed';

export const MESSAGES_EACH = 20;
export const BENCH_OWNER = 'agent-ana';
const ROWS = 500;

type Change = { seq: number; collection: string; doc_id: string; at: number };

async function insertChunks<T>(items: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let at = 0; at < items.length; at += ROWS) await write(items.slice(at, at + ROWS));
}

/** Every conversation is active, owned by Ana in Suporte: she (and supervisors) see it all. */
export async function seedBenchDatabase(dir: string, conversations: number): Promise<void> {
  const db = openDatabase(dir);
  await migrate(db);
  const at = Date.now() - 86_400_000;
  await seedDemo(db, { now: () => at });
  await db.transaction().execute((trx) => insertConversations(trx, conversations, at));
  await db.destroy();
}

async function insertConversations(trx: Database, count: number, at: number): Promise<void> {
  const head = await trx
    .selectFrom('changes')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  let seq = head?.seq ?? 0;
  const keys = conversationAudience({
    state: 'active',
    teamId: 'team-suporte',
    ownerId: BENCH_OWNER,
    participantIds: [],
  });
  const changes: Change[] = [];
  const audience: { seq: number; key: string; grant: number }[] = [];
  const change = (collection: string, docId: string, to: readonly string[]) => {
    seq += 1;
    changes.push({ seq, collection, doc_id: docId, at });
    for (const key of to) audience.push({ seq, key, grant: 1 });
  };
  const contacts = [];
  const conversations = [];
  const messages = [];
  for (let c = 0; c < count; c++) {
    const id = `bench-conv-${String(c)}`;
    const contactId = `bench-contact-${String(c)}`;
    contacts.push({
      id: contactId,
      name: `Contato ${String(c)}`,
      emails: '[]',
      custom_fields: '{}',
      created_at: at,
      updated_at: at,
      version: 0,
    });
    change('contact', contactId, ['all']);
    const last = at + MESSAGES_EACH;
    conversations.push({
      id,
      contact_id: contactId,
      channel_id: 'channel-webchat',
      team_id: 'team-suporte',
      owner_id: BENCH_OWNER,
      state: 'active',
      disposition_id: null,
      last_inbound_at: last,
      last_message_at: last,
      last_message_preview: `mensagem ${String(MESSAGES_EACH - 1)}`,
      created_at: at,
      queued_at: null,
      closed_at: null,
      csat_deadline: null,
      bot_deadline: null,
      updated_at: last,
    });
    change('conversation', id, keys);
    for (let m = 0; m < MESSAGES_EACH; m++) {
      const messageId = `${id}-m${String(m)}`;
      messages.push({
        id: messageId,
        conversation_id: id,
        channel_id: 'channel-webchat',
        direction: m % 2 === 0 ? 'inbound' : 'outbound',
        kind: 'text',
        author_agent_id: m % 2 === 0 ? null : BENCH_OWNER,
        body: `Mensagem ${String(m)} da conversa ${String(c)}: um texto de tamanho típico de atendimento.`,
        attachments: '[]',
        template: null,
        system: null,
        status: 'delivered',
        error: null,
        channel_message_id: null,
        client_id: null,
        created_at: at + m,
        updated_at: at + m,
      });
      change('message', messageId, keys);
    }
  }
  await insertChunks(contacts, (rows) => trx.insertInto('contacts').values(rows).execute());
  await insertChunks(conversations, (rows) =>
    trx.insertInto('conversations').values(rows).execute(),
  );
  await insertChunks(messages, (rows) => trx.insertInto('messages').values(rows).execute());
  await insertChunks(changes, (rows) => trx.insertInto('changes').values(rows).execute());
  await insertChunks(audience, (rows) => trx.insertInto('change_audience').values(rows).execute());
}
