import { z } from 'zod';
import { Locale } from '@atendo/shared/schemas/common';
import { fromJsonOrNull, toJson } from '../../db/json';
import type { Tx } from '../../services/deps';
import type { VisitorClaims } from './visitor-token';

/* The webchat_sessions table: a visitor's session by the keyed hash of its token. */

export async function insertVisitorSession(
  db: Tx,
  tokenHash: string,
  claims: VisitorClaims,
): Promise<void> {
  await db
    .insertInto('webchat_sessions')
    .values({
      token_hash: tokenHash,
      channel_id: claims.channelId,
      visitor_id: claims.visitorId,
      name: claims.name,
      email: claims.email,
      locale: claims.locale,
      fields: toJson(claims.fields),
      issued_at: claims.issuedAt,
    })
    .execute();
}

const StoredFields = z.record(z.string(), z.string()).catch({});

export async function findVisitorSession(db: Tx, tokenHash: string): Promise<VisitorClaims | null> {
  const row = await db
    .selectFrom('webchat_sessions')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  return {
    channelId: row.channel_id,
    visitorId: row.visitor_id,
    name: row.name,
    email: row.email,
    locale: Locale.catch('pt-BR').parse(row.locale),
    fields: fromJsonOrNull(StoredFields, row.fields) ?? {},
    issuedAt: row.issued_at,
  };
}

/**
 * Deletes the sessions issued before `issuedBefore`: they are refused as expired anyway, and
 * their rows still hold the name and e-mail the visitor typed.
 */
export async function deleteExpiredVisitorSessions(db: Tx, issuedBefore: number): Promise<void> {
  await db.deleteFrom('webchat_sessions').where('issued_at', '<', issuedBefore).execute();
}

/**
 * Revokes every session of these visitors (LGPD erasure of their contact): their tokens stop
 * working at once and the form data they hold is gone.
 */
export async function deleteVisitorSessions(
  db: Tx,
  channelId: string,
  visitorIds: readonly string[],
): Promise<void> {
  if (visitorIds.length === 0) return;
  await db
    .deleteFrom('webchat_sessions')
    .where('channel_id', '=', channelId)
    .where('visitor_id', 'in', visitorIds)
    .execute();
}

/** Revokes the web chat sessions of a contact's addresses; erasure calls it before removing them. */
export async function revokeContactVisitorSessions(db: Tx, contactId: string): Promise<void> {
  const addresses = await db
    .selectFrom('contact_addresses')
    .select(['channel_id', 'address'])
    .where('contact_id', '=', contactId)
    .execute();
  for (const { channel_id, address } of addresses) {
    await deleteVisitorSessions(db, channel_id, [address]);
  }
}
