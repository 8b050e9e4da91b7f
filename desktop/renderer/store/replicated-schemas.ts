import type { RxJsonSchema } from 'rxdb';
import type { Agent } from '@atendo/shared/schemas/agent';
import type { Channel } from '@atendo/shared/schemas/channel';
import type { Contact } from '@atendo/shared/schemas/contact';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Message } from '@atendo/shared/schemas/message';
import type { Disposition, Tag, Template } from '@atendo/shared/schemas/catalog';
import type { QuickReply } from '@atendo/shared/schemas/quick-reply';
import type { Team } from '@atendo/shared/schemas/team';

/**
 * RxDB schemas of the replicated collections. They describe how the documents are stored and
 * indexed, not what is valid: the transport validates every document with the shared zod schemas
 * before it reaches the store, so these stay loose on nested shapes.
 */

const id = { type: 'string', maxLength: 64 } as const;
const nullableId = { type: ['string', 'null'], maxLength: 64 } as const;
/** Indexed numbers need bounds so RxDB can build a sortable index string. */
const epochMs = { type: 'number', minimum: 0, maximum: 9_999_999_999_999, multipleOf: 1 } as const;
const nullableNumber = { type: ['number', 'null'] } as const;
const nullableString = { type: ['string', 'null'] } as const;
const idArray = { type: 'array', items: { type: 'string' } } as const;
const anyObject = { type: 'object' } as const;
const anyArray = { type: 'array', items: { type: 'object' } } as const;

export const conversationSchema: RxJsonSchema<Conversation> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    contactId: id,
    channelId: id,
    teamId: id,
    ownerId: nullableId,
    participantIds: idArray,
    tagIds: idArray,
    dispositionId: nullableId,
    state: { type: 'string', maxLength: 20 },
    lastInboundAt: nullableNumber,
    lastMessageAt: nullableNumber,
    lastMessagePreview: nullableString,
    createdAt: epochMs,
    queuedAt: nullableNumber,
    closedAt: nullableNumber,
    csatDeadline: nullableNumber,
    botDeadline: nullableNumber,
    updatedAt: epochMs,
  },
  required: ['id', 'contactId', 'channelId', 'teamId', 'state', 'createdAt', 'updatedAt'],
  indexes: [['state', 'updatedAt'], 'teamId'],
};

export const messageSchema: RxJsonSchema<Message> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    conversationId: id,
    direction: { type: 'string' },
    kind: { type: 'string' },
    authorAgentId: nullableId,
    body: { type: 'string' },
    attachments: anyArray,
    template: { type: ['object', 'null'] },
    system: { type: ['object', 'null'] },
    status: { type: 'string' },
    error: { type: ['object', 'null'] },
    channelMessageId: nullableString,
    clientId: nullableString,
    createdAt: epochMs,
    updatedAt: epochMs,
  },
  required: ['id', 'conversationId', 'direction', 'kind', 'body', 'createdAt', 'updatedAt'],
  indexes: [['conversationId', 'createdAt']],
};

export const contactSchema: RxJsonSchema<Contact> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    name: { type: 'string', maxLength: 200 },
    phones: idArray,
    emails: idArray,
    addresses: anyArray,
    customFields: anyObject,
    createdAt: epochMs,
    updatedAt: epochMs,
    version: { type: 'number' },
  },
  required: ['id', 'name', 'createdAt', 'updatedAt', 'version'],
  indexes: ['name'],
};

export const templateSchema: RxJsonSchema<Template> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    channelId: id,
    teamIds: idArray,
    name: { type: 'string' },
    language: { type: 'string' },
    category: { type: 'string' },
    header: nullableString,
    body: { type: 'string' },
    footer: nullableString,
    updatedAt: epochMs,
  },
  required: ['id', 'channelId', 'name', 'body', 'updatedAt'],
  indexes: ['channelId'],
};

export const tagSchema: RxJsonSchema<Tag> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    teamId: id,
    name: { type: 'string' },
    color: { type: 'string' },
    updatedAt: epochMs,
  },
  required: ['id', 'teamId', 'name', 'updatedAt'],
  indexes: ['teamId'],
};

export const dispositionSchema: RxJsonSchema<Disposition> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    teamId: id,
    parentId: nullableId,
    name: { type: 'string' },
    active: { type: 'boolean' },
    updatedAt: epochMs,
  },
  required: ['id', 'teamId', 'name', 'active', 'updatedAt'],
  indexes: ['teamId'],
};

/**
 * The stored form of a directory entry. The protocol's `DirectoryEntry` is a union; RxDB wants
 * one flat document type, so the payloads are optional properties here.
 */
export type DirectoryRecord = {
  id: string;
  type: 'agent' | 'team' | 'channel' | 'quickReply';
  updatedAt: number;
  agent?: Agent;
  team?: Team;
  channel?: Channel;
  quickReply?: QuickReply;
};

/**
 * Version 1 adds `quickReply` (a team's saved answers, issue 12). RxDB refuses properties a
 * schema does not declare, so the version goes up and `DIRECTORY_MIGRATIONS` keeps every stored
 * entry as it is: an agent's database is migrated in place at the next start, never wiped.
 */
export const directorySchema: RxJsonSchema<DirectoryRecord> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 80 },
    type: { type: 'string', maxLength: 10 },
    updatedAt: epochMs,
    agent: anyObject,
    team: anyObject,
    channel: anyObject,
    quickReply: anyObject,
  },
  required: ['id', 'type', 'updatedAt'],
  indexes: ['type'],
};

/** Version 0 entries are valid version 1 entries: nothing to change. */
export const DIRECTORY_MIGRATIONS = { 1: (doc: DirectoryRecord): DirectoryRecord => doc };
