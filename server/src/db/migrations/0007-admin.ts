import { type Kysely } from 'kysely';
import { textType } from '../dialect';

/*
 * Administration (issue 12): account state for agents (deactivated, temporary password),
 * archiving for teams, channels, templates, tags and dispositions, per-channel settings and
 * encrypted secrets, template review status from Meta, team quick replies and the audit log.
 * Existing rows keep working: every new column has a default matching what they were.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await addAccountColumns(db);
  await addCatalogColumns(db);
  await createQuickReplies(db);
  await createAuditLog(db);
}

async function addAccountColumns(db: Kysely<unknown>): Promise<void> {
  const text = textType(db);
  await db.schema
    .alterTable('agents')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('agents')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('agents').addColumn('deactivated_at', 'bigint').execute();
  await db.schema.alterTable('teams').addColumn('archived_at', 'bigint').execute();
  await db.schema
    .alterTable('teams')
    .addColumn('default_template_ids', text, (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('channels').addColumn('archived_at', 'bigint').execute();
  // JSON: the web chat's look and form, or the WhatsApp number's WABA id.
  await db.schema.alterTable('channels').addColumn('settings', text).execute();
  // AES-256-GCM of a JSON object of the channel's secrets (server/src/secrets/secret-box.ts).
  await db.schema.alterTable('channels').addColumn('secrets', text).execute();
}

async function addCatalogColumns(db: Kysely<unknown>): Promise<void> {
  const text = textType(db);
  await db.schema
    .alterTable('templates')
    .addColumn('status', text, (c) => c.notNull().defaultTo('approved'))
    .execute();
  await db.schema
    .alterTable('templates')
    .addColumn('source', text, (c) => c.notNull().defaultTo('local'))
    .execute();
  // Meta's id of the template, for the sync to find it again.
  await db.schema.alterTable('templates').addColumn('external_id', text).execute();
  await db.schema.alterTable('templates').addColumn('archived_at', 'bigint').execute();
  await db.schema
    .alterTable('tags')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Unused dispositions an admin removed: the row stays so clients can be told to drop it.
  await db.schema.alterTable('dispositions').addColumn('deleted_at', 'bigint').execute();
}

async function createQuickReplies(db: Kysely<unknown>): Promise<void> {
  const text = textType(db);
  await db.schema
    .createTable('quick_replies')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('team_id', text, (c) => c.notNull().references('teams.id'))
    .addColumn('shortcut', text, (c) => c.notNull())
    .addColumn('body', text, (c) => c.notNull())
    .addColumn('attachment', text)
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('quick_replies_team')
    .on('quick_replies')
    .columns(['team_id', 'shortcut'])
    .execute();
}

async function createAuditLog(db: Kysely<unknown>): Promise<void> {
  const text = textType(db);
  await db.schema
    .createTable('audit_log')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    // Null for the command line (npm run admin).
    .addColumn('actor_id', text)
    .addColumn('actor_name', text)
    .addColumn('action', text, (c) => c.notNull())
    .addColumn('entity_type', text, (c) => c.notNull())
    .addColumn('entity_id', text, (c) => c.notNull())
    .addColumn('before', text)
    .addColumn('after', text)
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
  await db.schema
    .createIndex('audit_log_actor')
    .on('audit_log')
    .columns(['actor_id', 'at'])
    .execute();
  await db.schema
    .createIndex('audit_log_entity')
    .on('audit_log')
    .columns(['entity_type', 'entity_id', 'at'])
    .execute();
}
