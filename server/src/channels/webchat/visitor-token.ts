import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { Locale } from '@atendo/shared/schemas/common';

/**
 * The visitor's credential. It is signed rather than stored: the server keeps no session table
 * for anonymous visitors, and a reload presents the same token from localStorage. It names the
 * channel and the visitor id (the contact's address on that channel), plus what the visitor
 * typed in the form, so the contact can be created with them on the first message. The issue
 * time lets the server refuse old tokens under the TTL configured now, not the one at issue.
 */
export const VisitorClaims = z.object({
  channelId: z.string().min(1).max(64),
  visitorId: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  email: z.email().max(254),
  locale: Locale,
  issuedAt: z.number().int().nonnegative(),
});
export type VisitorClaims = z.infer<typeof VisitorClaims>;

/** Why a token was refused: the widget forgets it either way, but says so when it expired. */
export type VisitorTokenCheck =
  { ok: true; claims: VisitorClaims } | { ok: false; reason: 'invalid' | 'expired' };

const sign = (secret: string, payload: string): string =>
  createHmac('sha256', secret).update(payload).digest('base64url');

export function issueVisitorToken(secret: string, claims: VisitorClaims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** When a token issued at `issuedAt` stops working. */
export const visitorTokenExpiry = (issuedAt: number, ttlMs: number): number => issuedAt + ttlMs;

/**
 * Checks a token at `now`: forged, truncated or malformed tokens are invalid (tokens from
 * before expiry existed carry no issue time and count as invalid too); genuine ones past their
 * time are expired.
 */
export function verifyVisitorToken(
  secret: string,
  token: string,
  clock: { now: number; ttlMs: number },
): VisitorTokenCheck {
  const claims = genuineClaims(secret, token);
  if (!claims) return { ok: false, reason: 'invalid' };
  if (clock.now >= visitorTokenExpiry(claims.issuedAt, clock.ttlMs)) {
    return { ok: false, reason: 'expired' };
  }
  return { ok: true, claims };
}

function genuineClaims(secret: string, token: string): VisitorClaims | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = VisitorClaims.safeParse(
      JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
