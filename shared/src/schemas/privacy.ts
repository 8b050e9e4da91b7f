import { z } from 'zod';
import { EpochMs, Id } from './common';

/*
 * The access log (LGPD art. 37: the controller keeps a record of the processing it does): who
 * read which conversation, history, contact or file, and every refused attempt, plus the
 * privacy actions themselves (exports, erasures, retention changes). It is separate from the
 * audit log of changes, which records who changed what.
 */

export const ACCESS_ACTIONS = [
  'conversation.get',
  'conversation.timeline',
  'conversation.history',
  'contact.get',
  'contact.search',
  'attachment.get',
  'privacy.search',
  'privacy.summary',
  'privacy.export',
  'privacy.erase',
  'privacy.retention',
  'privacy.access-log',
  // A supervisor opening a live conversation from monitoring (issue 11).
  'monitoring.read',
] as const;
export const AccessAction = z.enum(ACCESS_ACTIONS);
export type AccessAction = z.infer<typeof AccessAction>;

export const AccessEntityType = z.enum([
  'conversation',
  'contact',
  'attachment',
  'settings',
  'log',
]);
export type AccessEntityType = z.infer<typeof AccessEntityType>;

export const AccessOutcome = z.enum(['allowed', 'refused']);
export type AccessOutcome = z.infer<typeof AccessOutcome>;

export const AccessLogEntry = z.object({
  id: z.number().int().positive(),
  at: EpochMs,
  agentId: Id.nullable(),
  agentName: z.string().nullable(),
  action: AccessAction,
  entityType: AccessEntityType,
  entityId: z.string().nullable(),
  contactId: Id.nullable(),
  conversationId: Id.nullable(),
  outcome: AccessOutcome,
  /** The refusal's error code (forbidden, not-participant, history-forbidden, …). */
  reason: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;

/** Filters of the admin's access log viewer and its CSV export; every one optional. */
export const AccessLogFilter = z.object({
  agentId: Id.nullable().default(null),
  contactId: Id.nullable().default(null),
  conversationId: Id.nullable().default(null),
  outcome: AccessOutcome.nullable().default(null),
  action: AccessAction.nullable().default(null),
  /** Inclusive lower bound, epoch ms. */
  from: EpochMs.nullable().default(null),
  /** Exclusive upper bound, epoch ms. */
  to: EpochMs.nullable().default(null),
});
export type AccessLogFilter = z.infer<typeof AccessLogFilter>;

/** Where a page ends: entries are ordered newest first by (at, id). */
export const AccessLogCursor = z.object({ at: EpochMs, id: z.number().int().positive() });
export type AccessLogCursor = z.infer<typeof AccessLogCursor>;

export const AccessLogPage = z.object({
  entries: z.array(AccessLogEntry),
  /** Pass as `before` to read the next (older) page; null at the end. */
  nextBefore: AccessLogCursor.nullable(),
});
export type AccessLogPage = z.infer<typeof AccessLogPage>;

/** What an erasure removed, for the admin's confirmation and the access log. */
export const ErasureReport = z.object({
  contactId: Id,
  erasedAt: EpochMs,
  conversations: z.number().int().nonnegative(),
  closedNow: z.number().int().nonnegative(),
  messages: z.number().int().nonnegative(),
  files: z.number().int().nonnegative(),
});
export type ErasureReport = z.infer<typeof ErasureReport>;

/** A contact as the privacy screen lists it: who, and how much Atendo holds about them. */
export const DataSubjectSummary = z.object({
  contactId: Id,
  name: z.string(),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  conversations: z.number().int().nonnegative(),
  openConversations: z.number().int().nonnegative(),
  messages: z.number().int().nonnegative(),
  files: z.number().int().nonnegative(),
});
export type DataSubjectSummary = z.infer<typeof DataSubjectSummary>;
