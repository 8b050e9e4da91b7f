import { z } from 'zod';
import { EpochMs, Id } from '../common';
import { AuditEntityType, PageInput } from './common';

/**
 * One administrative change: who did it (null for the command line), when, what, and the
 * entity before and after (secrets shown only as set / not set).
 */
export const AuditEntry = z.object({
  id: Id,
  at: EpochMs,
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  /** `<entity>.<verb>`: agent.invite, team.archive, channel.update, … */
  action: z.string().min(1).max(60),
  entityType: AuditEntityType,
  entityId: Id,
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditFilters = z.object({
  actorId: Id.nullable().default(null),
  entityType: AuditEntityType.nullable().default(null),
  entityId: Id.nullable().default(null),
  /** Inclusive lower bound, epoch ms. */
  from: EpochMs.nullable().default(null),
  /** Exclusive upper bound, epoch ms. */
  to: EpochMs.nullable().default(null),
});
export type AuditFilters = z.input<typeof AuditFilters>;

export const AuditListInput = AuditFilters.extend(PageInput.shape);

/** Newest first; `nextCursor` is null on the last page. */
export const AuditPage = z.object({
  entries: z.array(AuditEntry),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;

/** The CSV export: at most `AUDIT_EXPORT_LIMIT` rows, newest first; `truncated` past that. */
export const AuditExport = z.object({
  fileName: z.string(),
  csv: z.string(),
  rows: z.number().int().nonnegative(),
  truncated: z.boolean(),
});
export type AuditExport = z.infer<typeof AuditExport>;

export const AUDIT_EXPORT_LIMIT = 50_000;
