import { describe, expect, it } from 'vitest';
import { RefusalError, type SyncTransport } from '../store/transport';
import { watchSessionRefusal } from './workspace-services';

/** A transport whose stream ends at once with the given error. */
const failingWith = (error: unknown): SyncTransport => ({
  pull: () => Promise.reject(new Error('not used')),
  stream: (_onEvent, onError) => {
    onError(error);
    return () => undefined;
  },
  sendMessage: () => Promise.resolve(),
  updateContact: () => Promise.resolve(),
});

describe('the workspace watching the stream for a refused session', () => {
  it.each([
    ['a 4401 (unauthenticated)', new RefusalError('unauthenticated', 'gone'), 1],
    ['another refusal', new RefusalError('invalid-input', 'bad hello'), 0],
    ['a lost connection', new Error('closed (code 1006)'), 0],
  ])('signs out on %s: %i time(s)', (_label, error, signOuts) => {
    let refused = 0;
    const reported: unknown[] = [];
    const transport = watchSessionRefusal(failingWith(error), () => {
      refused += 1;
    });
    transport.stream(
      () => undefined,
      (failure) => reported.push(failure),
    );
    expect(refused).toBe(signOuts);
    // The store still hears every failure, so it resyncs and retries as before.
    expect(reported).toEqual([error]);
  });
});
