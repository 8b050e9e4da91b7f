import { describe, expect, it } from 'vitest';
import { issueVisitorToken, verifyVisitorToken, type VisitorClaims } from './visitor-token';

const claims: VisitorClaims = {
  channelId: 'ch-1',
  visitorId: 'v-123',
  name: 'Maria Souza',
  email: 'maria@example.com',
  locale: 'pt-BR',
};
const token = issueVisitorToken('secret-a', claims);
const [payload = '', signature = ''] = token.split('.');
const otherPayload = Buffer.from(JSON.stringify({ ...claims, visitorId: 'v-999' })).toString(
  'base64url',
);

describe('visitor token', () => {
  it('round-trips the claims', () => {
    expect(verifyVisitorToken('secret-a', token)).toEqual(claims);
  });

  it.each([
    ['another secret', 'secret-b', token],
    ['a swapped payload', 'secret-a', `${otherPayload}.${signature}`],
    ['a missing signature', 'secret-a', payload],
    ['an extra segment', 'secret-a', `${token}.x`],
    ['garbage', 'secret-a', 'not-a-token'],
    ['empty', 'secret-a', ''],
  ])('refuses %s', (_label, secret, candidate) => {
    expect(verifyVisitorToken(secret, candidate)).toBeNull();
  });
});
