import type { RxJsonSchema } from 'rxdb';
import { z } from 'zod';
import { ContactFields } from '@atendo/shared/schemas/contact';
import { MAX_CAPTION_LENGTH, MAX_TEXT_LENGTH } from '@atendo/shared/rules/text-limits';

/**
 * Collections that exist only on this machine. They are never replicated, so a newer server
 * version of a conversation or contact can never overwrite what the agent typed.
 */

export type DraftRecord = {
  /** The conversation id: one draft per conversation. */
  id: string;
  text: string;
  updatedAt: number;
};

export const draftSchema: RxJsonSchema<DraftRecord> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    text: { type: 'string' },
    updatedAt: { type: 'number' },
  },
  required: ['id', 'text', 'updatedAt'],
};

export const OUTBOX_KINDS = ['text', 'template', 'attachment', 'contact-edit'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
export type MessageKindToQueue = Exclude<OutboxKind, 'contact-edit'>;

/**
 * pending: waiting to be delivered (the UI shows "queued"); sent: the server accepted it and the
 * replicated message has not arrived yet; failed: the server refused it with a stable code.
 */
export type OutboxState = 'pending' | 'sent' | 'failed';

export const TextPayload = z.object({ body: z.string().trim().min(1).max(MAX_TEXT_LENGTH) });
export const TemplatePayload = z.object({
  templateId: z.string().min(1),
  params: z.record(z.string(), z.string()),
});
export const AttachmentPayload = z.object({
  attachmentId: z.string().min(1),
  caption: z.string().max(MAX_CAPTION_LENGTH).nullable(),
});
export const ContactEditPayload = z.object({
  contactId: z.string().min(1),
  /** The contact version the agent saw when typing: the server refuses a stale one. */
  baseVersion: z.number().int().nonnegative(),
  /** What the agent typed, and only that: shown back to them if the server refuses. */
  typed: ContactFields.partial(),
  /** The whole contact to save: what they typed over the version they saw. */
  fields: ContactFields,
});
export type TextPayload = z.infer<typeof TextPayload>;
export type TemplatePayload = z.infer<typeof TemplatePayload>;
export type AttachmentPayload = z.infer<typeof AttachmentPayload>;
export type ContactEditPayload = z.infer<typeof ContactEditPayload>;

export type OutboxPayloadMap = {
  text: TextPayload;
  template: TemplatePayload;
  attachment: AttachmentPayload;
  'contact-edit': ContactEditPayload;
};

/** An outbox document is read back from disk, so it is parsed again before use. */
export const OutboxItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), conversationId: z.string(), payload: TextPayload }),
  z.object({ kind: z.literal('template'), conversationId: z.string(), payload: TemplatePayload }),
  z.object({
    kind: z.literal('attachment'),
    conversationId: z.string(),
    payload: AttachmentPayload,
  }),
  z.object({
    kind: z.literal('contact-edit'),
    conversationId: z.null(),
    payload: ContactEditPayload,
  }),
]);
export type OutboxItem = z.infer<typeof OutboxItem>;

export type OutboxFailure = {
  code: string;
  message: string;
  details: Record<string, string | number | boolean | null>;
};

export type OutboxRecord = {
  /** The client id: the server is idempotent on (conversationId, clientId). */
  id: string;
  /** Items with the same key are delivered one after the other, in `order`. */
  queueKey: string;
  conversationId: string | null;
  kind: OutboxKind;
  payload: Record<string, unknown>;
  state: OutboxState;
  order: number;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  failure: OutboxFailure | null;
};

const bounded = { type: 'number', minimum: 0, maximum: 9_999_999_999_999, multipleOf: 1 } as const;

export const outboxSchema: RxJsonSchema<OutboxRecord> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    queueKey: { type: 'string', maxLength: 80 },
    conversationId: { type: ['string', 'null'] },
    kind: { type: 'string' },
    payload: { type: 'object' },
    state: { type: 'string', maxLength: 10 },
    order: bounded,
    createdAt: { type: 'number' },
    attempts: { type: 'number' },
    nextAttemptAt: { type: 'number' },
    failure: { type: ['object', 'null'] },
  },
  required: ['id', 'queueKey', 'kind', 'payload', 'state', 'order', 'createdAt'],
  indexes: ['order', ['queueKey', 'order'], ['state', 'order']],
};
