import type {
  AuditEntry,
  AuditExport,
  AuditFilters,
  AuditPage,
} from '@atendo/shared/schemas/admin/audit';
import {
  AUDIT_EXPORT_LIMIT,
  AuditFilters as AuditFiltersSchema,
} from '@atendo/shared/schemas/admin/audit';
import { AuditEntityType } from '@atendo/shared/schemas/admin/common';
import { AtendoError } from '@atendo/shared/errors';
import type { AuditLogRow } from '../../db/schema';
import type { Deps } from '../deps';

/* Reads of the audit log: newest first, filtered, paged by a (at, id) cursor. */

const entryFromRow = (row: AuditLogRow): AuditEntry => ({
  id: row.id,
  at: row.at,
  actorId: row.actor_id,
  actorName: row.actor_name,
  action: row.action,
  entityType: AuditEntityType.parse(row.entity_type),
  entityId: row.entity_id,
  before: row.before === null ? null : (JSON.parse(row.before) as unknown),
  after: row.after === null ? null : (JSON.parse(row.after) as unknown),
});

const encodeCursor = (row: Pick<AuditLogRow, 'at' | 'id'>): string =>
  Buffer.from(JSON.stringify([row.at, row.id])).toString('base64url');

function decodeCursor(cursor: string): { at: number; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'number' && typeof id === 'string') return { at, id };
  } catch {
    // Falls through to the refusal below.
  }
  throw new AtendoError('invalid-input', 'not a cursor of this list', { field: 'cursor' });
}

function filtered(deps: Deps, raw: AuditFilters) {
  const f = AuditFiltersSchema.parse(raw);
  let query = deps.db.selectFrom('audit_log').selectAll();
  if (f.actorId !== null) query = query.where('actor_id', '=', f.actorId);
  if (f.entityType !== null) query = query.where('entity_type', '=', f.entityType);
  if (f.entityId !== null) query = query.where('entity_id', '=', f.entityId);
  if (f.from !== null) query = query.where('at', '>=', f.from);
  if (f.to !== null) query = query.where('at', '<', f.to);
  return query.orderBy('at', 'desc').orderBy('id', 'desc');
}

export async function listAudit(
  deps: Deps,
  input: AuditFilters & { cursor: string | null; limit: number },
): Promise<AuditPage> {
  let query = filtered(deps, input);
  if (input.cursor !== null) {
    const { at, id } = decodeCursor(input.cursor);
    query = query.where((eb) =>
      eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]),
    );
  }
  const rows = await query.limit(input.limit + 1).execute();
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    entries: page.map(entryFromRow),
    nextCursor: rows.length > input.limit && last !== undefined ? encodeCursor(last) : null,
  };
}

/** A CSV field: quoted when it holds a separator, quote or line break; formulas defused. */
export function csvField(value: string): string {
  // A spreadsheet runs a cell starting with = + - @ as a formula: a leading quote keeps it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const COLUMNS = [
  'at',
  'actor_id',
  'actor_name',
  'action',
  'entity_type',
  'entity_id',
  'before',
  'after',
];

export async function exportAuditCsv(deps: Deps, filters: AuditFilters): Promise<AuditExport> {
  const rows = await filtered(deps, filters)
    .limit(AUDIT_EXPORT_LIMIT + 1)
    .execute();
  const kept = rows.slice(0, AUDIT_EXPORT_LIMIT);
  const lines = kept.map((row) =>
    [
      new Date(row.at).toISOString(),
      row.actor_id ?? '',
      row.actor_name ?? '',
      row.action,
      row.entity_type,
      row.entity_id,
      row.before ?? '',
      row.after ?? '',
    ]
      .map(csvField)
      .join(','),
  );
  const stamp = new Date(deps.clock.now()).toISOString().slice(0, 10);
  return {
    fileName: `atendo-audit-${stamp}.csv`,
    csv: [COLUMNS.join(','), ...lines].join('\r\n') + '\r\n',
    rows: kept.length,
    truncated: rows.length > AUDIT_EXPORT_LIMIT,
  };
}
