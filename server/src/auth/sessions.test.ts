import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo-data';
import { openTestApp, type TestApp } from '../sync/test-harness';
import { agentForToken, login, purgeExpiredSessions } from './sessions';

let app: TestApp;

beforeEach(async () => {
  app = await openTestApp();
});

afterEach(async () => {
  await app.db.destroy();
  fs.rmSync(app.dir, { recursive: true, force: true });
});

const HOUR = 3_600_000;

const signIn = async (email: string, ttlMs: number) =>
  (await login(app.db, { email, password: DEMO_PASSWORD, now: app.clock.now(), ttlMs })).token;

const sessionCount = async () =>
  Number(
    (
      await app.db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('purgeExpiredSessions', () => {
  it('deletes the sessions expired by now and keeps the ones still valid', async () => {
    const short = await signIn('ana@atendo.demo', 1 * HOUR);
    const long = await signIn('bruno@atendo.demo', 12 * HOUR);
    expect(await purgeExpiredSessions(app.db, app.clock.now())).toBe(0);

    app.clock.advance(1 * HOUR);
    expect(await purgeExpiredSessions(app.db, app.clock.now())).toBe(1);
    expect(await sessionCount()).toBe(1);
    expect(await agentForToken(app.db, short, app.clock.now())).toBeNull();
    expect((await agentForToken(app.db, long, app.clock.now()))?.email).toBe('bruno@atendo.demo');
  });
});
