import type { Kysely } from 'kysely';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import {
  isServing,
  selectWorkingSet,
  type WorkingSetScope,
  type WorkingSetSettings,
} from '@atendo/shared/sync/working-set';
import type { ConversationRow, DB } from '../db/schema';
import { hydrateConversations } from '../repo/conversations';

/*
 * The conversations of an agent's working set, read from the tables (not the feed, whose
 * length is the company's whole past). SQL narrows to the candidates by index — every open
 * conversation, those closed within the window, and the closed ones of contacts the agent is
 * serving — and the shared rules (shared/src/sync/working-set.ts) decide, so the server and
 * the client's eviction agree on one definition.
 */

const CHUNK = 5000;

async function hydrateAll(db: Kysely<DB>, rows: readonly ConversationRow[]) {
  const result: Conversation[] = [];
  for (let at = 0; at < rows.length; at += CHUNK) {
    result.push(...(await hydrateConversations(db, rows.slice(at, at + CHUNK))));
  }
  return result;
}

async function openOrRecent(db: Kysely<DB>, since: number): Promise<ConversationRow[]> {
  const open = await db
    .selectFrom('conversations')
    .selectAll()
    .where('state', 'in', ['queued', 'bot', 'active', 'awaiting_csat'])
    .execute();
  const recent = await db
    .selectFrom('conversations')
    .selectAll()
    .where('closed_at', '>=', since)
    .where('state', '=', 'closed')
    .execute();
  return [...open, ...recent];
}

async function closedOfContacts(db: Kysely<DB>, contactIds: readonly string[]) {
  const rows: ConversationRow[] = [];
  for (let at = 0; at < contactIds.length; at += CHUNK) {
    rows.push(
      ...(await db
        .selectFrom('conversations')
        .selectAll()
        .where('contact_id', 'in', contactIds.slice(at, at + CHUNK))
        .where('state', '=', 'closed')
        .execute()),
    );
  }
  return rows;
}

/**
 * Contacts erased under the LGPD: their conversations stay as anonymised rows, but the feed
 * removed them from every store (privacy/erase-contact.ts), so no snapshot may bring them back.
 */
async function erasedContacts(db: Kysely<DB>, contactIds: readonly string[]) {
  const erased = new Set<string>();
  for (let at = 0; at < contactIds.length; at += CHUNK) {
    const rows = await db
      .selectFrom('contact_erasures')
      .select('contact_id')
      .where('contact_id', 'in', contactIds.slice(at, at + CHUNK))
      .execute();
    for (const row of rows) erased.add(row.contact_id);
  }
  return erased;
}

/** The working set's conversations, sorted by id (the snapshot pages by id). */
export async function workingSetConversations(
  db: Kysely<DB>,
  scope: WorkingSetScope,
  now: number,
  settings: WorkingSetSettings,
): Promise<Conversation[]> {
  const first = await hydrateAll(db, await openOrRecent(db, now - settings.closedWindowMs));
  const served = [
    ...new Set(first.filter((c) => isServing(c, scope.agentId)).map((c) => c.contactId)),
  ];
  const known = new Set(first.map((c) => c.id));
  const history = (await closedOfContacts(db, served)).filter((row) => !known.has(row.id));
  const erased = await erasedContacts(db, [...new Set(first.map((c) => c.contactId))]);
  const candidates = [...first, ...(await hydrateAll(db, history))].filter(
    (c) => !erased.has(c.contactId),
  );
  const kept = selectWorkingSet(candidates, scope, now, settings);
  return candidates.filter((c) => kept.has(c.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
}
