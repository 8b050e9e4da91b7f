import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** Why a webhook POST was refused; logged, never echoed to the caller. */
export type SignatureRefusal = 'missing' | 'malformed' | 'mismatch';
export type SignatureCheck = { ok: true } | { ok: false; reason: SignatureRefusal };

const SIGNATURE_PATTERN = /^sha256=([0-9a-f]{64})$/i;

/** The value Meta puts in `X-Hub-Signature-256` for this exact body. */
export function computeSignature(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * Checks `X-Hub-Signature-256` against the raw bytes we received. The body must be the bytes as
 * they arrived: re-serialising parsed JSON changes whitespace and escapes, and the HMAC with it.
 */
export function verifyWebhookSignature(
  rawBody: Buffer,
  header: string | readonly string[] | undefined | null,
  appSecret: string,
): SignatureCheck {
  if (header === undefined || header === null || header === '') {
    return { ok: false, reason: 'missing' };
  }
  // Node gives an array when the header is repeated; a forged duplicate must not slip through.
  if (typeof header !== 'string') return { ok: false, reason: 'malformed' };
  const match = SIGNATURE_PATTERN.exec(header.trim());
  const hex = match?.[1];
  if (hex === undefined) return { ok: false, reason: 'malformed' };
  const received = Buffer.from(hex.toLowerCase(), 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  // Both are 32 bytes here, so timingSafeEqual cannot throw on a length difference.
  return timingSafeEqual(received, expected) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

export type SubscriptionRefusal = 'not-subscribe' | 'token-mismatch' | 'missing-challenge';
export type SubscriptionCheck =
  { ok: true; challenge: string } | { ok: false; reason: SubscriptionRefusal };

const SubscriptionQuery = z.object({
  'hub.mode': z.string().optional(),
  'hub.verify_token': z.string().optional(),
  'hub.challenge': z.string().optional(),
});

/**
 * Meta's subscription handshake: `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`.
 * The challenge is echoed only when the token matches the one configured for the channel.
 */
export function verifySubscription(query: unknown, verifyToken: string): SubscriptionCheck {
  const parsed = SubscriptionQuery.safeParse(query);
  if (!parsed.success || parsed.data['hub.mode'] !== 'subscribe') {
    return { ok: false, reason: 'not-subscribe' };
  }
  const token = parsed.data['hub.verify_token'] ?? '';
  if (!constantTimeEquals(token, verifyToken)) return { ok: false, reason: 'token-mismatch' };
  const challenge = parsed.data['hub.challenge'];
  if (challenge === undefined || challenge === '') {
    return { ok: false, reason: 'missing-challenge' };
  }
  return { ok: true, challenge };
}

function constantTimeEquals(a: string, b: string): boolean {
  // Hashing first gives equal lengths, so the comparison time does not reveal the token length.
  const digest = (value: string) => createHmac('sha256', 'atendo-verify').update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}
