import { describe, expect, it } from 'vitest';
import { hashVisitorToken, isVisitorTokenShape, newVisitorToken } from './visitor-token';

describe('visitor token', () => {
  it('is 32 random bytes in base64url, different every time', () => {
    const tokens = new Set(Array.from({ length: 50 }, newVisitorToken));
    expect(tokens.size).toBe(50);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      expect(isVisitorTokenShape(token)).toBe(true);
    }
  });

  it.each([
    ['an old signed token', 'eyJjaGFubmVsSWQiOiJjaC0xIn0.c2lnbmF0dXJl'],
    ['garbage', 'not-a-token'],
    ['empty', ''],
    ['one character too long', `${'a'.repeat(43)}b`],
  ])('is not looked up when it is %s', (_label, candidate) => {
    expect(isVisitorTokenShape(candidate)).toBe(false);
  });

  it('is stored as a hash keyed with the secret', () => {
    const token = newVisitorToken();
    const hash = hashVisitorToken('secret-a', token);
    expect(hash).toBe(hashVisitorToken('secret-a', token));
    expect(hash).not.toBe(hashVisitorToken('secret-b', token));
    expect(hash).not.toContain(token);
  });
});
