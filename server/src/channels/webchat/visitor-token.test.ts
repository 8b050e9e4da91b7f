import { describe, expect, it } from 'vitest';
import { issueVisitorToken, verifyVisitorToken, type VisitorClaims } from './visitor-token';

const DAY = 86_400_000;
const issuedAt = Date.UTC(2026, 2, 2);
const claims: VisitorClaims = {
  channelId: 'ch-1',
  visitorId: 'v-123',
  name: 'Maria Souza',
  email: 'maria@example.com',
  locale: 'pt-BR',
  issuedAt,
};
const clock = { now: issuedAt + DAY, ttlMs: 30 * DAY };
const token = issueVisitorToken('secret-a', claims);
const [payload = '', signature = ''] = token.split('.');
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const otherPayload = encode({ ...claims, visitorId: 'v-999' });
const { issuedAt: _dropped, ...legacyClaims } = claims;
const legacyToken = issueVisitorToken('secret-a', legacyClaims as VisitorClaims);

describe('visitor token', () => {
  it('round-trips the claims while it is fresh', () => {
    expect(verifyVisitorToken('secret-a', token, clock)).toEqual({ ok: true, claims });
  });

  it.each([
    ['one millisecond before the TTL', 30 * DAY - 1, { ok: true, claims }],
    ['at the TTL', 30 * DAY, { ok: false, reason: 'expired' }],
    ['long after the TTL', 400 * DAY, { ok: false, reason: 'expired' }],
  ])('answers %s', (_label, age, expected) => {
    expect(verifyVisitorToken('secret-a', token, { ...clock, now: issuedAt + age })).toEqual(
      expected,
    );
  });

  it('follows the TTL configured now, so shortening it ends older tokens', () => {
    expect(verifyVisitorToken('secret-a', token, { now: issuedAt + 2 * DAY, ttlMs: DAY })).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it.each([
    ['another secret', 'secret-b', token],
    ['a swapped payload', 'secret-a', `${otherPayload}.${signature}`],
    [
      'a pushed-back issue time',
      'secret-a',
      `${encode({ ...claims, issuedAt: clock.now })}.${signature}`,
    ],
    ['a token without an issue time', 'secret-a', legacyToken],
    ['a missing signature', 'secret-a', payload],
    ['an extra segment', 'secret-a', `${token}.x`],
    ['garbage', 'secret-a', 'not-a-token'],
    ['empty', 'secret-a', ''],
  ])('refuses %s as invalid', (_label, secret, candidate) => {
    expect(verifyVisitorToken(secret, candidate, clock)).toEqual({ ok: false, reason: 'invalid' });
  });
});
