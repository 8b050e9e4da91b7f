/*
 * A large organisation for the working-set benchmark (bench/sync-large-org.ts) and the e2e
 * spec (desktop/e2e/workspace/17-large-organisation.spec.ts): years of closed
 * conversations (outside the history window), a contact base far larger than any agent's work,
 * and a small working set (open conversations and recently closed ones) — written straight
 * into the tables and the change feed in one transaction, far faster than the services.
 */
import { conversationAudience } from '@atendo/shared/sync/audience';
import type { Database } from '../db/database';
import { migrate, openDatabase } from '../db/database';
import { seedDemo } from '../seed';

export type LargeOrg = {
  /** Closed long ago, 20 messages each. */
  oldConversations: number;
  /** Contacts in all (each old conversation has its own; the rest are only contacts). */
  contacts: number;
  /** Open conversations owned by Ana in Suporte (the working set's core), 20 messages each. */
  openConversations: number;
  /** Closed within the last day in Suporte, 20 messages each. */
  recentConversations: number;
  messagesEach: number;
  /** The team of every conversation, the agent who owns the open ones and served the old. */
  teamId?: string;
  openOwnerId?: string;
  servedBy?: string;
};

const DAY = 86_400_000;
const ROWS = 400;

type Writer = {
  change(collection: string, docId: string, keys: readonly string[]): void;
  flush(final?: boolean): Promise<void>;
  rows: Record<'contacts' | 'conversations' | 'messages', Record<string, unknown>[]>;
};

async function insert(trx: Database, table: string, rows: Record<string, unknown>[]) {
  for (let at = 0; at < rows.length; at += ROWS) {
    // The rows have the tables' shapes (as bench/sync-seed.ts writes them); the table is dynamic.
    await trx
      .insertInto(table as 'contacts')
      .values(rows.slice(at, at + ROWS) as never)
      .execute();
  }
  rows.length = 0;
}

async function writer(trx: Database, now: number): Promise<Writer> {
  const head = await trx
    .selectFrom('changes')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  let seq = head?.seq ?? 0;
  const changes: Record<string, unknown>[] = [];
  const audience: Record<string, unknown>[] = [];
  const rows = { contacts: [], conversations: [], messages: [] };
  return {
    rows,
    change: (collection, docId, keys) => {
      seq += 1;
      changes.push({ seq, collection, doc_id: docId, at: now });
      for (const key of keys) audience.push({ seq, key, grant: 1 });
    },
    flush: async (final = false) => {
      if (!final && changes.length < 20_000) return;
      await insert(trx, 'contacts', rows.contacts);
      await insert(trx, 'conversations', rows.conversations);
      await insert(trx, 'messages', rows.messages);
      await insert(trx, 'changes', changes);
      await insert(trx, 'change_audience', audience);
    },
  };
}

function contactRow(id: string, n: number, at: number) {
  return {
    id,
    name: `Cliente ${String(n)}`,
    emails: '[]',
    custom_fields: '{}',
    created_at: at,
    updated_at: at,
    version: 0,
  };
}

type ConvSpec = {
  id: string;
  contactId: string;
  teamId: string;
  state: 'active' | 'queued' | 'closed';
  ownerId: string | null;
  closedAt: number | null;
  at: number;
};

async function conversation(w: Writer, spec: ConvSpec, messagesEach: number) {
  const keys = conversationAudience({
    state: spec.state,
    teamId: spec.teamId,
    ownerId: spec.ownerId,
    participantIds: [],
  });
  const last = spec.at + messagesEach;
  w.rows.conversations.push({
    id: spec.id,
    contact_id: spec.contactId,
    channel_id: 'channel-webchat',
    team_id: spec.teamId,
    owner_id: spec.ownerId,
    state: spec.state,
    disposition_id: null,
    last_inbound_at: last,
    last_message_at: last,
    last_message_preview: 'mensagem',
    created_at: spec.at,
    queued_at: spec.state === 'queued' ? spec.at : null,
    closed_at: spec.closedAt,
    csat_deadline: null,
    bot_deadline: null,
    updated_at: spec.closedAt ?? last,
  });
  w.change('conversation', spec.id, keys);
  for (let m = 0; m < messagesEach; m++) {
    const id = `${spec.id}-m${String(m)}`;
    w.rows.messages.push({
      id,
      conversation_id: spec.id,
      channel_id: 'channel-webchat',
      direction: m % 2 === 0 ? 'inbound' : 'outbound',
      kind: 'text',
      author_agent_id: m % 2 === 0 ? null : spec.ownerId,
      body: `Mensagem ${String(m)}: um texto de tamanho típico de atendimento.`,
      attachments: '[]',
      template: null,
      system: null,
      status: 'delivered',
      error: null,
      channel_message_id: null,
      client_id: null,
      created_at: spec.at + m,
      updated_at: spec.at + m,
    });
    w.change('message', id, keys);
  }
  await w.flush();
}

/** Writes the organisation into an open, migrated database, in one transaction. */
export async function writeLargeOrg(db: Database, org: LargeOrg, now: number): Promise<void> {
  await db.transaction().execute((trx) => fill(trx, org, now));
}

async function fill(trx: Database, org: LargeOrg, now: number): Promise<void> {
  const w = await writer(trx, now);
  const teamId = org.teamId ?? 'team-suporte';
  const servedBy = org.servedBy ?? 'agent-bruno';
  const owner = org.openOwnerId ?? 'agent-ana';
  for (let n = 0; n < org.contacts; n++) {
    const id = `org-contact-${String(n)}`;
    w.rows.contacts.push(contactRow(id, n, now - 800 * DAY));
    w.change('contact', id, ['all']);
    await w.flush();
  }
  for (let n = 0; n < org.oldConversations; n++) {
    const at = now - (30 + (n % 700)) * DAY;
    const spec = {
      id: `old-conv-${String(n)}`,
      contactId: `org-contact-${String(n % org.contacts)}`,
      teamId,
      state: 'closed' as const,
      ownerId: servedBy,
      closedAt: at + DAY,
      at,
    };
    await conversation(w, spec, org.messagesEach);
  }
  for (let n = 0; n < org.recentConversations; n++) {
    const at = now - DAY;
    const spec = {
      id: `recent-conv-${String(n)}`,
      contactId: `org-contact-${String((n * 7) % org.contacts)}`,
      teamId,
      state: 'closed' as const,
      ownerId: servedBy,
      closedAt: at + 3_600_000,
      at,
    };
    await conversation(w, spec, org.messagesEach);
  }
  for (let n = 0; n < org.openConversations; n++) {
    // bench-conv-0 is the one the live-latency writes go to (bench/sync-browser-live.ts).
    const queued = n % 2 === 1;
    const spec = {
      id: `bench-conv-${String(n)}`,
      contactId: `open-contact-${String(n)}`,
      teamId,
      state: queued ? ('queued' as const) : ('active' as const),
      ownerId: queued ? null : owner,
      closedAt: null,
      at: now - 3_600_000,
    };
    w.rows.contacts.push(contactRow(spec.contactId, n, now));
    w.change('contact', spec.contactId, ['all']);
    await conversation(w, spec, org.messagesEach);
  }
  await w.flush(true);
}

/** Migrates, seeds the demo organisation, then writes the large one, in `dir`. */
export async function seedLargeOrg(dir: string, org: LargeOrg, now = Date.now()): Promise<void> {
  const db = openDatabase(dir);
  await migrate(db);
  await seedDemo(db, { now: () => now - 30 * DAY });
  await writeLargeOrg(db, org, now);
  await db.destroy();
}
