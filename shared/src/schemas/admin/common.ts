import { z } from 'zod';
import { Id } from '../common';

/*
 * Inputs and outputs shared by the admin procedures (server/src/routers/admin/*). Every admin
 * write names the entity by id and answers with the entity as the admin console shows it.
 */

export const EntityRef = z.object({ id: Id });
export type EntityRef = z.infer<typeof EntityRef>;

/** Whether a secret is stored: secrets never leave the server, only this. */
export const SecretState = z.enum([
  /** Stored for this channel (encrypted at rest). */
  'set',
  /** Not stored here; the server-wide WHATSAPP_* variable provides it. */
  'env',
  /** Neither: the channel cannot work until it is set. */
  'not-set',
]);
export type SecretState = z.infer<typeof SecretState>;

/**
 * A secret in an update: a new value replaces the stored one, null clears it (falling back to
 * the environment), and leaving it out keeps what is stored.
 */
export const SecretInput = z.string().trim().min(1).max(1024).nullable().optional();

/** Names of the entity types the audit log records. */
export const AuditEntityType = z.enum([
  'agent',
  'team',
  'channel',
  'template',
  'tag',
  'disposition',
  'quick-reply',
]);
export type AuditEntityType = z.infer<typeof AuditEntityType>;

/** A cursor page: `cursor` is the last page's `nextCursor`, null for the first page. */
export const PageInput = z.object({
  cursor: z.string().max(200).nullable().default(null),
  limit: z.number().int().min(1).max(500).default(100),
});
