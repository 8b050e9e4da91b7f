import { isAtendoError, type ErrorCode } from '@atendo/shared/errors';
import type { Agent } from '@atendo/shared/schemas/agent';
import type { AccessAction, AccessEntityType } from '@atendo/shared/schemas/privacy';
import type { Deps } from '../services/deps';
import type { AccessRecord } from './access-log';

/*
 * Reads of personal data go through here so the access log sees each one: the read runs, and
 * its outcome is recorded (allowed: queued for the next batch; refused: written before the
 * refusal reaches the caller).
 */

/** Who is reading, from where. */
export type Reader = { deps: Deps; agent: Agent; ip: string | null };

export type ReadTarget = {
  action: AccessAction;
  entityType: AccessEntityType;
  entityId: string | null;
  contactId?: string | null;
  conversationId?: string | null;
};

/** The codes that mean "you may not read this": each such attempt is logged. */
const REFUSALS: ReadonlySet<ErrorCode> = new Set([
  'forbidden',
  'not-participant',
  'history-forbidden',
]);

export const isRefusal = (error: unknown): error is { code: ErrorCode } =>
  isAtendoError(error) && REFUSALS.has(error.code);

export function accessRecord(
  reader: Reader,
  target: ReadTarget,
  outcome: { refused: ErrorCode | null },
): AccessRecord {
  return {
    at: reader.deps.clock.now(),
    agentId: reader.agent.id,
    action: target.action,
    entityType: target.entityType,
    entityId: target.entityId,
    contactId: target.contactId ?? null,
    conversationId: target.conversationId ?? null,
    outcome: outcome.refused === null ? 'allowed' : 'refused',
    reason: outcome.refused,
    ip: reader.ip,
  };
}

/** The contact a conversation belongs to, so a refused read of it still names the person. */
async function contactOfConversation(deps: Deps, conversationId: string): Promise<string | null> {
  const row = await deps.db
    .selectFrom('conversations')
    .select('contact_id')
    .where('id', '=', conversationId)
    .executeTakeFirst();
  return row?.contact_id ?? null;
}

/**
 * Runs a read and logs it. `found` names the contact (and conversation) the answer is about when
 * the target could not say so beforehand (a conversation read names its contact).
 */
export async function audited<T>(
  reader: Reader,
  target: ReadTarget,
  read: () => Promise<T>,
  found: (value: T) => { contactId?: string | null; conversationId?: string | null } = () => ({}),
): Promise<T> {
  let value: T;
  try {
    value = await read();
  } catch (error) {
    if (isRefusal(error)) {
      const conversationId = target.conversationId ?? null;
      const contactId =
        target.contactId ??
        (conversationId === null ? null : await contactOfConversation(reader.deps, conversationId));
      const entry = accessRecord(reader, { ...target, contactId }, { refused: error.code });
      await reader.deps.accessLog.recordNow(entry);
    }
    throw error;
  }
  reader.deps.accessLog.record(
    accessRecord(reader, { ...target, ...found(value) }, { refused: null }),
  );
  return value;
}

// A contact that shows in an agent's searches again and again is logged once per this window:
// the log answers "who saw my data, and when" without a line per keystroke of a search box.
const SEARCH_WINDOW_MS = 5 * 60_000;
const recentSearchHits = new WeakMap<Deps, Map<string, number>>();

/** Logs the contacts a search showed, each once per agent and window. */
export function recordSearchResults(
  reader: Reader,
  action: Extract<AccessAction, 'contact.search' | 'privacy.search'>,
  contactIds: readonly string[],
): void {
  const now = reader.deps.clock.now();
  let recent = recentSearchHits.get(reader.deps);
  if (recent === undefined) {
    recent = new Map();
    recentSearchHits.set(reader.deps, recent);
  }
  if (recent.size > 10_000) recent.clear();
  for (const contactId of contactIds) {
    const key = `${reader.agent.id}/${action}/${contactId}`;
    const last = recent.get(key);
    if (last !== undefined && now - last < SEARCH_WINDOW_MS) continue;
    recent.set(key, now);
    const target = { action, entityType: 'contact' as const, entityId: contactId, contactId };
    reader.deps.accessLog.record(accessRecord(reader, target, { refused: null }));
  }
}
