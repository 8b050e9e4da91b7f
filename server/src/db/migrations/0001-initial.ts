import { sql, type Kysely } from 'kysely';
import { dialectOf, textType } from '../dialect';

/*
 * The initial schema. Written with Kysely's schema builder and only portable SQL (partial
 * indexes exist on SQLite and PostgreSQL alike) so PostgreSQL can replace SQLite for scale.
 * Two things differ by dialect, and only on PostgreSQL: text columns are declared with the "C"
 * collation (see textType), and the feed's `seq` is a bigint identity. On SQLite the statements
 * are exactly those of the first release, so existing files and new ones have the same schema.
 */

// The migration runs against an untyped database: its shape is whatever earlier migrations left.
export async function up(db: Kysely<unknown>): Promise<void> {
  await createDirectory(db);
  await createContacts(db);
  await createConversations(db);
  await createCatalog(db);
  // PostgreSQL refuses a reference to a table that does not exist yet (conversation_tags to
  // tags); SQLite checks references only when rows are written and keeps its first order.
  if (dialectOf(db) === 'postgres') await createConversationLinks(db);
  await createFeedAndSessions(db);
}

async function createDirectory(db: Kysely<unknown>): Promise<void> {
  const text = textType(db);
  await db.schema
    .createTable('teams')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('disposition_required', 'integer', (c) => c.notNull())
    .addColumn('csat_enabled', 'integer', (c) => c.notNull())
    .addColumn('csat_timeout_ms', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('agents')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('email', text, (c) => c.notNull().unique())
    .addColumn('role', text, (c) => c.notNull())
    .addColumn('permissions', text, (c) => c.notNull())
    .addColumn('presence', text, (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('password_hash', text, (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('agent_teams')
    .addColumn('agent_id', text, (c) => c.notNull().references('agents.id'))
    .addColumn('team_id', text, (c) => c.notNull().references('teams.id'))
    .addPrimaryKeyConstraint('agent_teams_pk', ['agent_id', 'team_id'])
    .execute();
  await db.schema
    .createTable('channels')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('direction', text, (c) => c.notNull())
    .addColumn('default_team_id', text, (c) => c.notNull().references('teams.id'))
    .addColumn('bot_menu', text)
    .addColumn('external_id', text, (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

async function createContacts(db: Kysely<unknown>): Promise<void> {
  const text = textType(db);
  await db.schema
    .createTable('contacts')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('emails', text, (c) => c.notNull())
    .addColumn('custom_fields', text, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('contact_phones')
    .addColumn('contact_id', text, (c) => c.notNull().references('contacts.id'))
    .addColumn('phone', text, (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_phones_pk', ['contact_id', 'phone'])
    .execute();
  await db.schema
    .createIndex('contact_phones_phone')
    .on('contact_phones')
    .column('phone')
    .execute();
  await db.schema
    .createTable('contact_addresses')
    .addColumn('contact_id', text, (c) => c.notNull().references('contacts.id'))
    .addColumn('channel_id', text, (c) => c.notNull().references('channels.id'))
    .addColumn('address', text, (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('contact_addresses_unique', ['channel_id', 'address'])
    .execute();
  await db.schema
    .createIndex('contact_addresses_contact')
    .on('contact_addresses')
    .column('contact_id')
    .execute();
}

async function createConversations(db: Kysely<unknown>): Promise<void> {
  const text = textType(db);
  await db.schema
    .createTable('conversations')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('contact_id', text, (c) => c.notNull().references('contacts.id'))
    .addColumn('channel_id', text, (c) => c.notNull().references('channels.id'))
    .addColumn('team_id', text, (c) => c.notNull().references('teams.id'))
    .addColumn('owner_id', text, (c) => c.references('agents.id'))
    .addColumn('state', text, (c) => c.notNull())
    .addColumn('disposition_id', text)
    .addColumn('last_inbound_at', 'bigint')
    .addColumn('last_message_at', 'bigint')
    .addColumn('last_message_preview', text)
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('queued_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .addColumn('csat_deadline', 'bigint')
    .addColumn('bot_deadline', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // A contact holds at most one open conversation per channel: the database enforces it even
  // when two requests race past the rule check.
  await db.schema
    .createIndex('conversations_one_open')
    .on('conversations')
    .columns(['contact_id', 'channel_id'])
    .unique()
    .where(sql.ref('state'), '<>', 'closed')
    .execute();
  await db.schema
    .createIndex('conversations_state_team')
    .on('conversations')
    .columns(['state', 'team_id'])
    .execute();
  await db.schema
    .createIndex('conversations_contact')
    .on('conversations')
    .column('contact_id')
    .execute();
  if (dialectOf(db) === 'sqlite') await createConversationLinks(db);
  await createMessages(db);
}

async function createConversationLinks(db: Kysely<unknown>): Promise<void> {
  const text = textType(db);
  for (const [table, column, ref] of [
    ['conversation_participants', 'agent_id', 'agents.id'],
    ['conversation_tags', 'tag_id', 'tags.id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('conversation_id', text, (c) => c.notNull().references('conversations.id'))
      .addColumn(column, text, (c) => c.notNull().references(ref))
      .addPrimaryKeyConstraint(`${table}_pk`, ['conversation_id', column])
      .execute();
  }
}

async function createMessages(db: Kysely<unknown>): Promise<void> {
  const text = textType(db);
  await db.schema
    .createTable('messages')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('conversation_id', text, (c) => c.notNull().references('conversations.id'))
    .addColumn('channel_id', text, (c) => c.notNull().references('channels.id'))
    .addColumn('direction', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('author_agent_id', text)
    .addColumn('body', text, (c) => c.notNull())
    .addColumn('attachments', text, (c) => c.notNull())
    .addColumn('template', text)
    .addColumn('system', text)
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('error', text)
    .addColumn('channel_message_id', text)
    .addColumn('client_id', text)
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('messages_conversation')
    .on('messages')
    .columns(['conversation_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('messages_client_id')
    .on('messages')
    .columns(['conversation_id', 'client_id'])
    .unique()
    .where(sql.ref('client_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('messages_channel_message_id')
    .on('messages')
    .columns(['channel_id', 'channel_message_id'])
    .unique()
    .where(sql.ref('channel_message_id'), 'is not', null)
    .execute();
}

async function createCatalog(db: Kysely<unknown>): Promise<void> {
  const text = textType(db);
  await db.schema
    .createTable('templates')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('channel_id', text, (c) => c.notNull().references('channels.id'))
    .addColumn('team_ids', text, (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('language', text, (c) => c.notNull())
    .addColumn('category', text, (c) => c.notNull())
    .addColumn('header', text)
    .addColumn('body', text, (c) => c.notNull())
    .addColumn('footer', text)
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('tags')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('team_id', text, (c) => c.notNull().references('teams.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('color', text, (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('dispositions')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('team_id', text, (c) => c.notNull().references('teams.id'))
    .addColumn('parent_id', text)
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('csat_answers')
    .addColumn('conversation_id', text, (c) => c.primaryKey().references('conversations.id'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', text)
    .addColumn('answered_at', 'bigint', (c) => c.notNull())
    .execute();
}

async function createFeedAndSessions(db: Kysely<unknown>): Promise<void> {
  const text = textType(db);
  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', text, (c) => c.primaryKey())
    .addColumn('agent_id', text, (c) => c.notNull().references('agents.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('uploads')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('conversation_id', text, (c) => c.notNull().references('conversations.id'))
    .addColumn('agent_id', text, (c) => c.notNull().references('agents.id'))
    .addColumn('file_name', text, (c) => c.notNull())
    .addColumn('mime_type', text, (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('media_type', text, (c) => c.notNull())
    .addColumn('animated', 'integer', (c) => c.notNull())
    .addColumn('path', text, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // `seq` is the commit-ordered cursor clients sync by: SQLite's rowid alias, PostgreSQL's
  // bigint identity (commit-ordered there only because one connection writes; see postgres.ts).
  const postgres = dialectOf(db) === 'postgres';
  await db.schema
    .createTable('changes')
    .addColumn('seq', postgres ? 'bigint' : 'integer', (c) =>
      postgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('collection', text, (c) => c.notNull())
    .addColumn('doc_id', text, (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('change_audience')
    .addColumn('seq', postgres ? 'bigint' : 'integer', (c) => c.notNull().references('changes.seq'))
    .addColumn('key', text, (c) => c.notNull())
    .addColumn('grant', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('change_audience_key_seq')
    .on('change_audience')
    .columns(['key', 'seq'])
    .execute();
}
