import type { Kysely } from 'kysely';
import {
  AccessAction,
  AccessEntityType,
  AccessOutcome,
  type AccessLogCursor,
  type AccessLogEntry,
  type AccessLogFilter,
  type AccessLogPage,
} from '@atendo/shared/schemas/privacy';
import type { DB } from '../db/schema';

/* The admin's reads of the access log: filtered pages, newest first, and the CSV export. */

function filtered(db: Kysely<DB>, filter: AccessLogFilter) {
  let query = db
    .selectFrom('access_log as l')
    .leftJoin('agents as a', 'a.id', 'l.agent_id')
    .select([
      'l.id',
      'l.at',
      'l.agent_id',
      'a.name as agent_name',
      'l.action',
      'l.entity_type',
      'l.entity_id',
      'l.contact_id',
      'l.conversation_id',
      'l.outcome',
      'l.reason',
      'l.ip',
    ]);
  if (filter.agentId !== null) query = query.where('l.agent_id', '=', filter.agentId);
  if (filter.contactId !== null) query = query.where('l.contact_id', '=', filter.contactId);
  if (filter.conversationId !== null) {
    query = query.where('l.conversation_id', '=', filter.conversationId);
  }
  if (filter.outcome !== null) query = query.where('l.outcome', '=', filter.outcome);
  if (filter.action !== null) query = query.where('l.action', '=', filter.action);
  if (filter.from !== null) query = query.where('l.at', '>=', filter.from);
  if (filter.to !== null) query = query.where('l.at', '<', filter.to);
  return query;
}

type Row = {
  id: number;
  at: number;
  agent_id: string | null;
  agent_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  contact_id: string | null;
  conversation_id: string | null;
  outcome: string;
  reason: string | null;
  ip: string | null;
};

const entryOf = (row: Row): AccessLogEntry => ({
  id: row.id,
  at: row.at,
  agentId: row.agent_id,
  agentName: row.agent_name,
  action: AccessAction.parse(row.action),
  entityType: AccessEntityType.parse(row.entity_type),
  entityId: row.entity_id,
  contactId: row.contact_id,
  conversationId: row.conversation_id,
  outcome: AccessOutcome.parse(row.outcome),
  reason: row.reason,
  ip: row.ip,
});

/**
 * One page, newest first by time (a refusal is written at once, the reads around it a moment
 * later in their batch, so ids alone are not in time order); `before` is the `nextBefore` of
 * the page before it.
 */
export async function listAccessLog(
  db: Kysely<DB>,
  filter: AccessLogFilter,
  page: { before: AccessLogCursor | null; limit: number },
): Promise<AccessLogPage> {
  let query = filtered(db, filter);
  const before = page.before;
  if (before !== null) {
    query = query.where((eb) =>
      eb.or([
        eb('l.at', '<', before.at),
        eb.and([eb('l.at', '=', before.at), eb('l.id', '<', before.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('l.at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const entries = rows.slice(0, page.limit).map(entryOf);
  const last = entries.at(-1);
  const more = rows.length > page.limit && last !== undefined;
  return { entries, nextBefore: more ? { at: last.at, id: last.id } : null };
}

/** Every matching entry, newest first, a batch at a time: the CSV streams without holding all. */
export async function* accessLogBatches(
  db: Kysely<DB>,
  filter: AccessLogFilter,
  batchSize = 1000,
): AsyncGenerator<AccessLogEntry[]> {
  let before: AccessLogCursor | null = null;
  for (;;) {
    const page = await listAccessLog(db, filter, { before, limit: batchSize });
    if (page.entries.length > 0) yield page.entries;
    if (page.nextBefore === null) return;
    before = page.nextBefore;
  }
}

export const CSV_HEADER = [
  'id',
  'at',
  'agent_id',
  'agent_name',
  'action',
  'entity_type',
  'entity_id',
  'contact_id',
  'conversation_id',
  'outcome',
  'reason',
  'ip',
].join(',');

/**
 * RFC 4180 quoting; a field that a spreadsheet would run as a formula (=, +, -, @ first) gets
 * a leading apostrophe, so opening the export cannot execute anything.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (e: AccessLogEntry): string =>
  [
    e.id,
    new Date(e.at).toISOString(),
    e.agentId,
    e.agentName,
    e.action,
    e.entityType,
    e.entityId,
    e.contactId,
    e.conversationId,
    e.outcome,
    e.reason,
    e.ip,
  ]
    .map(csvField)
    .join(',');
