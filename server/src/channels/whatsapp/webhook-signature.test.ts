import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeSignature, verifySubscription, verifyWebhookSignature } from './webhook-signature';

const secret = 'app-secret-123';
const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
const good = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('verifyWebhookSignature', () => {
  it('accepts the HMAC-SHA256 of the raw body, in either hex case', () => {
    expect(verifyWebhookSignature(body, good, secret)).toEqual({ ok: true });
    expect(
      verifyWebhookSignature(body, good.toUpperCase().replace('SHA256', 'sha256'), secret),
    ).toEqual({ ok: true });
    expect(computeSignature(body, secret)).toBe(good);
  });

  it.each([
    ['absent', undefined, 'missing'],
    ['null', null, 'missing'],
    ['empty', '', 'missing'],
    ['without the sha256= prefix', good.slice('sha256='.length), 'malformed'],
    ['with the sha1 prefix', good.replace('sha256', 'sha1'), 'malformed'],
    ['not hex', `sha256=${'z'.repeat(64)}`, 'malformed'],
    ['too short', good.slice(0, -2), 'malformed'],
    ['repeated', [good, good], 'malformed'],
    ['signed with another secret', computeSignature(body, 'other-secret'), 'mismatch'],
  ] as const)('refuses a header %s', (_label, header, reason) => {
    expect(verifyWebhookSignature(body, header, secret)).toEqual({ ok: false, reason });
  });

  it('refuses a tampered body signed for the original bytes', () => {
    const tampered = Buffer.from(body.toString().replace('[]', '[{}]'));
    expect(verifyWebhookSignature(tampered, good, secret)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });
});

describe('verifySubscription', () => {
  const query = {
    'hub.mode': 'subscribe',
    'hub.verify_token': 'tok',
    'hub.challenge': '1158201444',
  };

  it('echoes the challenge when the token matches', () => {
    expect(verifySubscription(query, 'tok')).toEqual({ ok: true, challenge: '1158201444' });
  });

  it.each([
    ['a wrong token', { ...query, 'hub.verify_token': 'nope' }, 'token-mismatch'],
    ['no token', { 'hub.mode': 'subscribe', 'hub.challenge': '1' }, 'token-mismatch'],
    ['another mode', { ...query, 'hub.mode': 'unsubscribe' }, 'not-subscribe'],
    ['no query', undefined, 'not-subscribe'],
    ['an array mode', { ...query, 'hub.mode': ['subscribe'] }, 'not-subscribe'],
    ['no challenge', { 'hub.mode': 'subscribe', 'hub.verify_token': 'tok' }, 'missing-challenge'],
  ] as const)('refuses %s', (_label, input, reason) => {
    expect(verifySubscription(input, 'tok')).toEqual({ ok: false, reason });
  });
});
