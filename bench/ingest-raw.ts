import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { conversationAudience } from '@atendo/shared/sync/audience';
import { DATABASE_FILE } from '../server/src/db/database';
import { BENCH_CHANNEL_ID } from './ingest-setup';

/*
 * The floor under the HTTP figure: the same rows an inbound WhatsApp message writes (contact,
 * phone, address and conversation for a new contact; the message, the system lines, and each
 * change with its audience rows), inserted straight into SQLite with prepared statements, one
 * transaction per message as the server commits them, with the server's pragmas.
 */

const EVERYONE = ['everyone'];
const QUEUE_AUDIENCE = conversationAudience({
  state: 'queued',
  teamId: 'team-suporte',
  ownerId: null,
  participantIds: [],
});

export function rawInsertRate(dataDir: string, messages: number, contactPool: number) {
  const db = new SQLite(path.join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const s = {
    address: db.prepare(
      'select contact_id from contact_addresses where channel_id = ? and address = ?',
    ),
    open: db.prepare(
      "select id from conversations where contact_id = ? and channel_id = ? and state <> 'closed'",
    ),
    contact: db.prepare(
      "insert into contacts (id, name, emails, custom_fields, created_at, updated_at, version) values (?, ?, '[]', '{}', ?, ?, 0)",
    ),
    phone: db.prepare('insert into contact_phones (contact_id, phone, position) values (?, ?, 0)'),
    addAddress: db.prepare(
      'insert into contact_addresses (contact_id, channel_id, address, position) values (?, ?, ?, 0)',
    ),
    conversation: db.prepare(
      "insert into conversations (id, contact_id, channel_id, team_id, owner_id, state, disposition_id, last_inbound_at, last_message_at, last_message_preview, created_at, queued_at, closed_at, csat_deadline, bot_deadline, updated_at) values (?, ?, ?, 'team-suporte', null, 'queued', null, ?, ?, ?, ?, ?, null, null, null, ?)",
    ),
    touch: db.prepare(
      'update conversations set last_inbound_at = ?, last_message_at = ?, last_message_preview = ?, updated_at = ? where id = ?',
    ),
    message: db.prepare(
      "insert into messages (id, conversation_id, channel_id, direction, kind, author_agent_id, body, attachments, template, system, status, error, channel_message_id, client_id, created_at, updated_at) values (?, ?, ?, ?, ?, null, ?, '[]', null, ?, ?, null, ?, null, ?, ?)",
    ),
    change: db.prepare(
      'insert into changes (collection, doc_id, at) values (?, ?, ?) returning seq',
    ),
    audience: db.prepare('insert into change_audience (seq, key, "grant") values (?, ?, 1)'),
  };
  const change = (collection: string, docId: string, keys: readonly string[], at: number) => {
    const { seq } = s.change.get(collection, docId, at) as { seq: number };
    for (const key of keys) s.audience.run(seq, key);
  };
  const message = (
    conversationId: string,
    body: string,
    system: string | null,
    wamid: string | null,
    at: number,
  ) => {
    const id = randomUUID();
    const inbound = system === null;
    s.message.run(
      id,
      conversationId,
      BENCH_CHANNEL_ID,
      inbound ? 'inbound' : 'internal',
      inbound ? 'text' : 'system',
      body,
      system,
      inbound ? 'delivered' : 'sent',
      wamid,
      at,
      at,
    );
    change('message', id, QUEUE_AUDIENCE, at);
  };
  const ingest = db.transaction((i: number) => {
    const at = Date.now();
    const address = `55119${String(i % contactPool).padStart(8, '0')}`;
    const body = `bench ${i}`;
    const known = s.address.get(BENCH_CHANNEL_ID, address) as { contact_id: string } | undefined;
    const contactId = known?.contact_id ?? randomUUID();
    if (!known) {
      s.contact.run(contactId, 'Bench', at, at);
      s.phone.run(contactId, `+${address}`);
      s.addAddress.run(contactId, BENCH_CHANNEL_ID, address);
      change('contact', contactId, EVERYONE, at);
    }
    const open = s.open.get(contactId, BENCH_CHANNEL_ID) as { id: string } | undefined;
    if (open) {
      s.touch.run(at, at, body, at, open.id);
      change('conversation', open.id, QUEUE_AUDIENCE, at);
      message(open.id, body, null, `wamid.RAW${i}`, at);
      return;
    }
    const id = randomUUID();
    s.conversation.run(id, contactId, BENCH_CHANNEL_ID, at, at, body, at, at, at);
    change('conversation', id, QUEUE_AUDIENCE, at);
    message(id, '', '{"type":"started","agentId":null}', null, at);
    message(id, body, null, `wamid.RAW${i}`, at);
    message(id, '', '{"type":"queued","teamId":"team-suporte"}', null, at);
  });
  const started = performance.now();
  for (let i = 0; i < messages; i++) ingest(i);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return { messages, seconds, perSecond: messages / seconds };
}
