import fs from 'node:fs';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AtendoError } from '@atendo/shared/errors';
import { DEMO_PASSWORD } from '../demo-data';
import { createLogger } from '../logger';
import { openTestApp, startTestServer, type TestApp, type TestServer } from '../sync/test-harness';
import { LoginLimiter } from './login-limits';

/*
 * auth.login over real HTTP on loopback (one client address), against the default limits:
 * 5 failures per account in 15 minutes lock it for 15 minutes, 20 failures per address in a
 * minute lock the address, and one batch carries at most 25 calls.
 */

let app: TestApp;
let server: TestServer;

beforeEach(async () => {
  app = await openTestApp();
  server = await startTestServer(app);
});

afterEach(async () => {
  vi.useRealTimers();
  await server.close();
  await app.db.destroy();
  fs.rmSync(app.dir, { recursive: true, force: true });
});

type Answer = {
  status: number;
  retryAfter: string | null;
  codes: unknown[];
  details: Record<string, unknown>[];
};

type Credentials = { email: string; password: string };

/** Posts one batch of calls as the desktop's batch link does, and reads each call's code. */
async function post(
  procedure: string,
  inputs: unknown[],
  headers: Record<string, string> = {},
): Promise<Answer> {
  const paths = inputs.map(() => procedure).join(',');
  const body = Object.fromEntries(inputs.map((input, i) => [String(i), input]));
  const response = await fetch(`${server.httpUrl}/${paths}?batch=1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  const items = (Array.isArray(json) ? json : [json]) as {
    error?: { data: { atendoCode: unknown; details: Record<string, unknown> } };
  }[];
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    codes: items.map((item) => item.error?.data.atendoCode ?? 'ok'),
    details: items.map((item) => item.error?.data.details ?? {}),
  };
}

const BRUNO = 'bruno@atendo.demo';
const signIn = (...attempts: Credentials[]) => post('auth.login', attempts);
const wrong = (email: string): Credentials => ({ email, password: 'not-the-password' });
const right = (email: string): Credentials => ({ email, password: DEMO_PASSWORD });

async function failTimes(email: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    expect((await signIn(wrong(email))).codes).toEqual(['unauthenticated']);
  }
}

describe('sign-in limits', () => {
  it('locks an account for 15 minutes after 5 wrong passwords, with 429 and Retry-After', async () => {
    await failTimes('ana@atendo.demo', 5);

    const locked = await signIn(right('ana@atendo.demo'));
    expect(locked.status).toBe(429);
    expect(locked.retryAfter).toBe('900');
    expect(locked.codes).toEqual(['rate-limited']);
    expect(locked.details).toEqual([{ retryAfterSeconds: 900, scope: 'account' }]);
    // The e-mail is compared as sign-in compares it.
    expect((await signIn(right(' ANA@atendo.demo '))).codes).toEqual(['rate-limited']);
    // Other accounts from the same address are not affected.
    expect((await signIn(right('bruno@atendo.demo'))).codes).toEqual(['ok']);
  });

  it('unlocks once the lock time has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    await failTimes('ana@atendo.demo', 5);
    vi.setSystemTime(Date.now() + 14 * 60_000);
    expect((await signIn(right('ana@atendo.demo'))).details).toEqual([
      { retryAfterSeconds: 60, scope: 'account' },
    ]);
    vi.setSystemTime(Date.now() + 60_000);
    expect((await signIn(right('ana@atendo.demo'))).codes).toEqual(['ok']);
  });

  it('starts the count over after a right password', async () => {
    await failTimes('ana@atendo.demo', 4);
    expect((await signIn(right('ana@atendo.demo'))).codes).toEqual(['ok']);
    await failTimes('ana@atendo.demo', 4);
    expect((await signIn(right('ana@atendo.demo'))).codes).toEqual(['ok']);
  });

  it('locks an address after 20 failures across accounts, even for a right password', async () => {
    for (let i = 0; i < 20; i++) {
      expect((await signIn(wrong(`guess-${String(i)}@atendo.demo`))).codes).toEqual([
        'unauthenticated',
      ]);
    }
    const locked = await signIn(right('bruno@atendo.demo'));
    expect(locked.status).toBe(429);
    expect(locked.details).toEqual([{ retryAfterSeconds: 900, scope: 'ip' }]);
    expect(locked.retryAfter).toBe('900');
  });

  it('checks no more than the limit of one burst of parallel guesses (one batch)', async () => {
    const answer = await signIn(...Array.from({ length: 25 }, () => wrong('ana@atendo.demo')));
    expect(answer.codes.filter((code) => code === 'unauthenticated')).toHaveLength(5);
    expect(answer.codes.filter((code) => code === 'rate-limited')).toHaveLength(20);
    expect(answer.retryAfter).not.toBeNull();
    expect((await signIn(right('ana@atendo.demo'))).codes).toEqual(['rate-limited']);
  });

  it('limits the current-password check of auth.changePassword the same way', async () => {
    const change = (currentPassword: string) => ({
      email: 'ana@atendo.demo',
      currentPassword,
      newPassword: 'uma-senha-nova-123',
    });
    for (let i = 0; i < 5; i++) {
      expect((await post('auth.changePassword', [change('wrong')])).codes).toEqual([
        'unauthenticated',
      ]);
    }
    expect((await post('auth.changePassword', [change(DEMO_PASSWORD)])).codes).toEqual([
      'rate-limited',
    ]);
    expect((await signIn(right('ana@atendo.demo'))).codes).toEqual(['rate-limited']);
  });

  it('refuses a batch of more than 25 calls whole, as invalid input', async () => {
    const answer = await signIn(...Array.from({ length: 26 }, () => wrong('ana@atendo.demo')));
    expect(answer.status).toBe(400);
    expect(answer.codes).toEqual(['invalid-input']);
    expect(answer.details).toEqual([{ reason: 'batch-too-large' }]);
    // None of its calls ran: the account is not locked.
    expect((await signIn(right('ana@atendo.demo'))).codes).toEqual(['ok']);
    // 25 is allowed, and so are that many sign-ins at once from one address (a shift start).
    const agents = ['ana', 'bruno', 'carla', 'diego', 'admin'].map((n) => `${n}@atendo.demo`);
    const shift = await signIn(...Array.from({ length: 25 }, (_, i) => right(agents[i % 5] ?? '')));
    expect(shift.codes).toEqual(Array.from({ length: 25 }, () => 'ok'));
  });
});

describe('behind a reverse proxy', () => {
  it('limits the client address the trusted proxy forwards, not the proxy', async () => {
    await server.close();
    await app.db.destroy();
    fs.rmSync(app.dir, { recursive: true, force: true });
    app = await openTestApp(undefined, 0, undefined, {
      ATENDO_TRUST_PROXY: 'loopback',
      ATENDO_LOGIN_IP_FAILURES: '3',
    });
    server = await startTestServer(app);
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    for (const email of ['a@x.demo', 'b@x.demo', 'c@x.demo']) {
      const answer = await post('auth.login', [wrong(email)], from('198.51.100.1'));
      expect(answer.codes).toEqual(['unauthenticated']);
    }
    const locked = await post('auth.login', [right(BRUNO)], from('198.51.100.1'));
    expect(locked.details).toEqual([{ retryAfterSeconds: 900, scope: 'ip' }]);
    const other = await post('auth.login', [right(BRUNO)], from('198.51.100.2'));
    expect(other.codes).toEqual(['ok']);
  });
});

describe('the failed sign-in log', () => {
  it('names the e-mail and the address, never the password', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const limiter = new LoginLimiter(app.config.loginLimits, createLogger('info', destination));
    const attempt = () =>
      limiter.attempt({ email: 'ana@atendo.demo', ip: '203.0.113.7' }, () =>
        Promise.reject(new AtendoError('unauthenticated', 'wrong e-mail or password')),
      );
    for (let i = 0; i < 5; i++) await expect(attempt()).rejects.toThrow('wrong e-mail');
    await expect(attempt()).rejects.toThrow('too many');
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.filter((l) => l.msg === 'sign-in failed: wrong e-mail or password')).toHaveLength(
      5,
    );
    expect(logged[0]).toMatchObject({ email: 'ana@atendo.demo', ip: '203.0.113.7', level: 40 });
    expect(logged.some((l) => l.msg === 'sign-in locked for this account')).toBe(true);
    expect(lines.join('')).not.toContain('not-the-password');
  });
});
