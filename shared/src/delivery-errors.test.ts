import { describe, expect, it } from 'vitest';
import { deliveryErrorKind } from './delivery-errors';

describe('deliveryErrorKind', () => {
  it.each([
    ['no-address', { kind: 'known', code: 'no-address' }],
    ['channel-not-configured', { kind: 'known', code: 'channel-not-configured' }],
    ['131047', { kind: 'known', code: 'window-closed' }],
    ['whatsapp-131051', { kind: 'whatsapp', metaCode: '131051' }],
    ['http-502', { kind: 'http', status: '502' }],
    ['something-new', { kind: 'unknown' }],
  ])('%s', (code, kind) => {
    expect(deliveryErrorKind(code)).toEqual(kind);
  });
});
