import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { parsePullResult, parseStreamEvent } from './sync-wire';
import { toTransportError } from './trpc-transport';
import { isRefusal, RefusalError } from './transport';
import { conversation } from './testing/fixtures';

const serverError = (data: unknown) =>
  new TRPCClientError('refused', {
    result: { error: { code: -32600, message: 'refused', data } },
  });

describe('tRPC transport boundary', () => {
  it.each([
    [
      'a refusal with a stable code',
      serverError({ atendoCode: 'template-required', details: { a: 1 } }),
      'template-required',
      true,
    ],
    [
      'an expired session, retried not failed',
      serverError({ atendoCode: 'unauthenticated' }),
      'unauthenticated',
      false,
    ],
    ['an internal error without a code', serverError({ atendoCode: null }), null, false],
    ['a dropped connection', new TRPCClientError('fetch failed'), null, false],
  ])('maps %s', (_label, error, code, refused) => {
    const mapped = toTransportError(error);
    expect(mapped instanceof RefusalError ? mapped.code : null).toBe(code);
    expect(isRefusal(mapped)).toBe(refused);
  });

  it('parses pulled documents with the collection schema', () => {
    const doc = { ...conversation('c1'), _deleted: false };
    const result = parsePullResult('conversations', {
      documents: [doc],
      checkpoint: { seq: 3, epoch: 'e' },
      reset: false,
    });
    expect(result.documents).toEqual([doc]);
    expect(() =>
      parsePullResult('conversations', {
        documents: [{ ...doc, state: 'lost' }],
        checkpoint: { seq: 3, epoch: 'e' },
        reset: false,
      }),
    ).toThrow();
  });

  it.each([
    [{ type: 'resync', reason: 'connected' }, true],
    [{ type: 'resync', reason: 'whatever' }, false],
    [
      { type: 'changes', collection: 'tags', documents: [], checkpoint: { seq: 1, epoch: 'e' } },
      true,
    ],
    [
      { type: 'changes', collection: 'secrets', documents: [], checkpoint: { seq: 1, epoch: 'e' } },
      false,
    ],
  ])('accepts only well-formed stream events: %j', (raw, ok) => {
    if (ok) expect(parseStreamEvent(raw)).toEqual(raw);
    else expect(() => parseStreamEvent(raw)).toThrow();
  });
});
