import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/*
 * Table shapes as Kysely sees them. Booleans are integers (0/1) and JSON arrays/objects are text,
 * so the same schema works on SQLite and PostgreSQL. Times are epoch milliseconds.
 */

export type AgentsTable = {
  id: string;
  name: string;
  email: string;
  role: string;
  /** JSON array of Permission. */
  permissions: string;
  presence: string;
  capacity: number;
  password_hash: string;
  updated_at: number;
  /** 0 once deactivated (migration 0007). */
  active: Generated<number>;
  /** 1 while the password is a temporary one the agent must change at sign-in. */
  must_change_password: Generated<number>;
  deactivated_at: number | null;
};

export type AgentTeamsTable = { agent_id: string; team_id: string };

export type TeamsTable = {
  id: string;
  name: string;
  disposition_required: number;
  csat_enabled: number;
  csat_timeout_ms: number;
  updated_at: number;
  archived_at: number | null;
  /** JSON array of template ids. */
  default_template_ids: Generated<string>;
};

export type ChannelsTable = {
  id: string;
  name: string;
  kind: string;
  direction: string;
  default_team_id: string;
  /** JSON BotMenu or null. */
  bot_menu: string | null;
  external_id: string;
  updated_at: number;
  archived_at: number | null;
  /** JSON: web chat settings, or `{ wabaId }` for WhatsApp. */
  settings: string | null;
  /** Encrypted JSON of the channel's secrets (secrets/secret-box.ts); never sent to clients. */
  secrets: string | null;
};

export type ContactsTable = {
  id: string;
  name: string;
  /** JSON array of e-mail addresses. */
  emails: string;
  /** JSON object of custom fields. */
  custom_fields: string;
  created_at: number;
  updated_at: number;
  version: number;
  /** The clientId of the request that last wrote the contact (migration 0004). */
  client_id: string | null;
};

export type ContactPhonesTable = { contact_id: string; phone: string; position: number };

export type ContactAddressesTable = {
  contact_id: string;
  channel_id: string;
  address: string;
  position: number;
};

export type ConversationsTable = {
  id: string;
  contact_id: string;
  channel_id: string;
  team_id: string;
  owner_id: string | null;
  state: string;
  disposition_id: string | null;
  last_inbound_at: number | null;
  last_message_at: number | null;
  last_message_preview: string | null;
  created_at: number;
  queued_at: number | null;
  closed_at: number | null;
  csat_deadline: number | null;
  bot_deadline: number | null;
  updated_at: number;
  /**
   * The channel address the conversation was opened on (migration 0005); delivery and the web
   * chat visitor's access follow it, never the contact's current addresses. Written when the
   * conversation is created, cleared only by erasure.
   */
  address: ColumnType<string | null, string | null | undefined, string | null>;
};

export type ConversationParticipantsTable = { conversation_id: string; agent_id: string };
export type ConversationTagsTable = { conversation_id: string; tag_id: string };

export type MessagesTable = {
  id: string;
  conversation_id: string;
  channel_id: string;
  direction: string;
  kind: string;
  author_agent_id: string | null;
  body: string;
  /** JSON array of Attachment. */
  attachments: string;
  /** JSON TemplateUse or null. */
  template: string | null;
  /** JSON SystemEvent or null. */
  system: string | null;
  status: string;
  /** JSON DeliveryError or null. */
  error: string | null;
  channel_message_id: string | null;
  client_id: string | null;
  created_at: number;
  updated_at: number;
};

export type TemplatesTable = {
  id: string;
  channel_id: string;
  /** JSON array of team ids; empty means every team of the channel. */
  team_ids: string;
  name: string;
  language: string;
  category: string;
  header: string | null;
  body: string;
  footer: string | null;
  updated_at: number;
  /** Meta's review status; local templates are 'approved'. */
  status: Generated<string>;
  /** 'meta' (synced from the Graph API) or 'local'. */
  source: Generated<string>;
  external_id: string | null;
  archived_at: number | null;
};

export type TagsTable = {
  id: string;
  team_id: string;
  name: string;
  color: string;
  updated_at: number;
  active: Generated<number>;
};

export type DispositionsTable = {
  id: string;
  team_id: string;
  parent_id: string | null;
  name: string;
  active: number;
  updated_at: number;
  deleted_at: number | null;
};

export type CsatAnswersTable = {
  conversation_id: string;
  score: number;
  comment: string | null;
  answered_at: number;
};

export type SessionsTable = {
  token_hash: string;
  agent_id: string;
  created_at: number;
  expires_at: number;
};

export type UploadsTable = {
  id: string;
  conversation_id: string;
  /** Null for a file the contact sent (inbound media). */
  agent_id: string | null;
  file_name: string;
  mime_type: string;
  size: number;
  media_type: string;
  animated: number;
  /** Path relative to the data directory. */
  path: string;
  created_at: number;
};

export type ChangesTable = {
  seq: Generated<number>;
  collection: string;
  doc_id: string;
  at: number;
};

export type ChangeAudienceTable = {
  seq: number;
  key: string;
  /** 1 grants the key, 0 revokes it. */
  grant: number;
};

export type AccessLogTable = {
  id: Generated<number>;
  at: number;
  agent_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  contact_id: string | null;
  conversation_id: string | null;
  /** 'allowed' or 'refused'. */
  outcome: string;
  /** The refusal's error code. */
  reason: string | null;
  ip: string | null;
};

export type PrivacySettingsTable = {
  key: string;
  /** JSON. */
  value: string;
  updated_at: number;
  updated_by: string | null;
};

export type ContactErasuresTable = {
  contact_id: string;
  erased_at: number;
  erased_by: string;
  /** JSON ErasureReport. */
  report: string;
};

export type FeedTombstonesTable = {
  collection: string;
  doc_id: string;
  /** JSON removal document of the deleted row. */
  document: string;
  at: number;
};

export type QuickRepliesTable = {
  id: string;
  team_id: string;
  shortcut: string;
  body: string;
  /** JSON Attachment or null. */
  attachment: string | null;
  active: number;
  updated_at: number;
};

export type AuditLogTable = {
  id: string;
  at: number;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  /** JSON, secrets redacted. */
  before: string | null;
  after: string | null;
};

/** A web chat visitor's session; the token itself is never stored (visitor-sessions.ts). */
export type WebchatSessionsTable = {
  token_hash: string;
  channel_id: string;
  visitor_id: string;
  name: string;
  email: string;
  locale: string;
  issued_at: number;
  /** JSON of the extra pre-chat answers; null before migration 0016. */
  fields: string | null;
};

export type DB = {
  agents: AgentsTable;
  agent_teams: AgentTeamsTable;
  teams: TeamsTable;
  channels: ChannelsTable;
  contacts: ContactsTable;
  contact_phones: ContactPhonesTable;
  contact_addresses: ContactAddressesTable;
  conversations: ConversationsTable;
  conversation_participants: ConversationParticipantsTable;
  conversation_tags: ConversationTagsTable;
  messages: MessagesTable;
  templates: TemplatesTable;
  tags: TagsTable;
  dispositions: DispositionsTable;
  csat_answers: CsatAnswersTable;
  sessions: SessionsTable;
  uploads: UploadsTable;
  changes: ChangesTable;
  change_audience: ChangeAudienceTable;
  access_log: AccessLogTable;
  privacy_settings: PrivacySettingsTable;
  contact_erasures: ContactErasuresTable;
  feed_tombstones: FeedTombstonesTable;
  quick_replies: QuickRepliesTable;
  audit_log: AuditLogTable;
  webchat_sessions: WebchatSessionsTable;
};

export type AgentRow = Selectable<AgentsTable>;
export type TeamRow = Selectable<TeamsTable>;
export type ChannelRow = Selectable<ChannelsTable>;
export type ContactRow = Selectable<ContactsTable>;
export type ConversationRow = Selectable<ConversationsTable>;
export type MessageRow = Selectable<MessagesTable>;
export type NewMessageRow = Insertable<MessagesTable>;
export type TemplateRow = Selectable<TemplatesTable>;
export type TagRow = Selectable<TagsTable>;
export type DispositionRow = Selectable<DispositionsTable>;
export type QuickReplyRow = Selectable<QuickRepliesTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
