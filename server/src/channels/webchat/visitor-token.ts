import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { Locale } from '@atendo/shared/schemas/common';

/**
 * The visitor's session as the server keeps it (webchat_sessions): the channel and the visitor
 * id (the contact's address on that channel), plus what the visitor typed in the form (name, e-mail, the extra questions' answers), so the
 * contact can be created with them on the first message. The issue time lets the server refuse
 * old sessions under the TTL configured now, not the one at issue.
 */
export const VisitorClaims = z.object({
  channelId: z.string().min(1).max(64),
  visitorId: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  email: z.email().max(254),
  locale: Locale,
  /** The answers to the channel's extra pre-chat questions, by field key, already checked. */
  fields: z.record(z.string(), z.string()),
  issuedAt: z.number().int().nonnegative(),
});
export type VisitorClaims = z.infer<typeof VisitorClaims>;

/**
 * The visitor's credential: 32 random bytes, base64url. It says nothing about the visitor (the
 * earlier signed tokens carried name and e-mail readable in base64) and works only while its
 * session row exists, so deleting the row revokes it.
 */
export const newVisitorToken = (): string => randomBytes(32).toString('base64url');

/** A token as newVisitorToken makes them; anything else (an old signed token) is not looked up. */
export const isVisitorTokenShape = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);

/**
 * What the database stores in place of the token. Keyed with the data directory's secret, so a
 * copy of the database alone cannot even confirm a guessed token.
 */
export const hashVisitorToken = (secret: string, token: string): string =>
  createHmac('sha256', secret).update(token).digest('base64url');

/** When a session issued at `issuedAt` stops working. */
export const visitorTokenExpiry = (issuedAt: number, ttlMs: number): number => issuedAt + ttlMs;
