import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { STREAM_HEARTBEAT_MS } from '@atendo/shared/sync/protocol';
import { sessionHubFor } from '../auth/session-hub';
import { deactivateAgent } from '../services/admin/agents';
import { loadAgent } from '../repo/directory';
import { manualTimer } from './stream-timer';
import { StreamRecorder, type TestClient } from './test-client';
import { ANA, BRUNO, useSyncServer } from './test-fixture';

// Heartbeats and session expiries run only when a test fires them.
const timer = manualTimer();
const f = useSyncServer({ setTimer: timer.setTimer });

const connected = (s: StreamRecorder) => s.count('connected') >= 1;
const closed = (s: StreamRecorder) => s.closes.length >= 1;

async function openStream(client: TestClient): Promise<StreamRecorder> {
  const stream = new StreamRecorder(client);
  await stream.until(connected);
  return stream;
}

/** The stable code a refused call reports. */
async function refusal(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError)
      return (error.data as { atendoCode?: unknown }).atendoCode;
    throw error;
  }
  return 'answered';
}

describe('a stream lives no longer than its session', () => {
  it('closes the streams of a signed-out session at once (4401 signed-out); the token is refused', async () => {
    const ana = await f.signIn(ANA);
    const laptop = await openStream(ana);
    const tab = await openStream(ana);
    // Another session of the same agent (her phone) is not signed out.
    const phone = await openStream(await f.signIn(ANA));

    const download = () =>
      fetch(f.server.httpUrl.replace(/\/trpc$/, '/api/attachments/none'), {
        headers: { authorization: `Bearer ${ana.token ?? ''}` },
      });
    expect((await download()).status).toBe(404);

    await ana.trpc.auth.logout.mutate();

    await laptop.until(closed);
    await tab.until(closed);
    expect(laptop.closes).toEqual([4401]);
    expect(laptop.reasons).toEqual(['signed-out']);
    expect(tab.reasons).toEqual(['signed-out']);
    expect(await refusal(ana.trpc.auth.me.query())).toBe('unauthenticated');
    expect(
      await refusal(ana.trpc.sync.pull.query({ collection: 'tags', checkpoint: null, limit: 10 })),
    ).toBe('unauthenticated');
    // The HTTP routes beside tRPC too (an unknown file is now 401, not 404).
    expect((await download()).status).toBe(401);
    // A new stream with the old token is refused at its hello.
    const again = new StreamRecorder(ana);
    await again.until(closed);
    expect(again.closes).toEqual([4401]);
    await phone.roundTrip();
    expect(phone.closes).toEqual([]);
  });

  it('closes a stream when its session expires, at the expiry (4401 session-expired)', async () => {
    const ana = await openStream(await f.signIn(ANA));
    const ttl = f.app.config.sessionTtlMs;
    f.app.clock.advance(ttl - 1);
    timer.fire(ttl);
    // One millisecond early: the timer is armed again for what is left, nothing closes.
    await ana.roundTrip();
    expect(ana.closes).toEqual([]);
    f.app.clock.advance(1);
    timer.fire(1);
    await ana.until(closed);
    expect(ana.closes).toEqual([4401]);
    expect(ana.reasons).toEqual(['session-expired']);
  });

  it("deactivating an agent closes every stream of the agent's sessions at once", async () => {
    const bruno1 = await openStream(await f.signIn(BRUNO));
    const bruno2 = await openStream(await f.signIn(BRUNO));
    const ana = await openStream(await f.signIn(ANA));
    const admin = await loadAgent(f.app.db, 'agent-admin');
    if (!admin) throw new Error('no demo admin');

    await deactivateAgent(f.app.deps, admin, 'agent-bruno');

    await bruno1.until(closed);
    await bruno2.until(closed);
    expect([...bruno1.reasons, ...bruno2.reasons]).toEqual(['session-revoked', 'session-revoked']);
    await ana.roundTrip();
    expect(ana.closes).toEqual([]);
    expect(sessionHubFor(f.app.db).streamCount).toBe(1);
  });

  it('finds, at the next heartbeat, a session ended elsewhere (another server node)', async () => {
    const ana = await f.signIn(ANA);
    const stream = await openStream(ana);
    const bruno = await openStream(await f.signIn(BRUNO));
    // Another node signed Ana out: her row is gone, but this node's hub was not told.
    await f.app.db.deleteFrom('sessions').where('agent_id', '=', 'agent-ana').execute();
    await stream.roundTrip();
    expect(stream.closes).toEqual([]);

    timer.fire(STREAM_HEARTBEAT_MS);

    await stream.until(closed);
    expect(stream.closes).toEqual([4401]);
    expect(stream.reasons).toEqual(['session-revoked']);
    await bruno.until((s) => s.events.some((e) => e.type === 'heartbeat'));
    expect(bruno.closes).toEqual([]);
  });

  it('closes at the heartbeat a stream whose session expired meanwhile', async () => {
    const ana = await openStream(await f.signIn(ANA));
    // The clock jumped past the expiry (a suspended machine): the heartbeat's check catches it.
    f.app.clock.advance(f.app.config.sessionTtlMs);
    timer.fire(STREAM_HEARTBEAT_MS);
    await ana.until(closed);
    expect(ana.reasons).toEqual(['session-expired']);
  });
});
