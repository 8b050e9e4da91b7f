import { describe, expect, it } from 'vitest';
import { endSession, eraseChoice, type SignOutSteps } from './sign-out';

describe('eraseChoice', () => {
  it.each([
    ['offer', { initial: false, changeable: true }],
    ['default', { initial: true, changeable: true }],
    ['always', { initial: true, changeable: false }],
  ] as const)('%s', (policy, expected) => {
    expect(eraseChoice(policy)).toEqual(expected);
  });
});

describe('endSession', () => {
  const run = async (over: Partial<SignOutSteps>) => {
    const calls: string[] = [];
    const outcome = await endSession({
      stopSync: () => {
        calls.push('stop');
        return Promise.resolve();
      },
      logout: () => {
        calls.push('logout');
        return Promise.resolve({ ok: true });
      },
      eraseLocalData: () => {
        calls.push('erase');
        return Promise.resolve();
      },
      forget: () => {
        calls.push('forget');
        return Promise.resolve();
      },
      expiresAt: 123,
      ...over,
    });
    return { outcome, calls };
  };

  it('revokes on the server before erasing, and forgets the token last', async () => {
    const { outcome, calls } = await run({});
    expect(calls).toEqual(['stop', 'logout', 'erase', 'forget']);
    expect(outcome).toEqual({ serverEnded: true, localData: 'erased', expiresAt: 123 });
  });

  it('still signs out here when the server cannot be reached', async () => {
    const { outcome, calls } = await run({
      logout: () => Promise.reject(new TypeError('Failed to fetch')),
      eraseLocalData: null,
    });
    expect(calls).toEqual(['stop', 'forget']);
    expect(outcome).toEqual({ serverEnded: false, localData: 'kept', expiresAt: 123 });
  });

  it('gives up on a server that does not answer', async () => {
    const { outcome } = await run({
      logout: (signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            reject(new Error('aborted'));
          });
        }),
      timeoutMs: 10,
    });
    expect(outcome.serverEnded).toBe(false);
  });

  it('reports an erase that failed and signs out anyway', async () => {
    const { outcome, calls } = await run({
      eraseLocalData: () => Promise.reject(new Error('blocked')),
    });
    expect(calls.at(-1)).toBe('forget');
    expect(outcome.localData).toBe('erase-failed');
  });
});
