import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMessage, openVisitorStream } from './sse-test-client';
import { bearer, startWebchatServer } from './webchat-test-server';

/*
 * A visitor's live stream against the real server, over HTTP and SSE on loopback: opened with
 * a valid token, it ends with the `session-end` event once the token expires (30 days, the
 * default TTL), whether the next thing to happen is a change to push or the heartbeat.
 */

const DAY = 86_400_000;
let server: Awaited<ReturnType<typeof startWebchatServer>>;
beforeAll(async () => {
  server = await startWebchatServer();
});
afterAll(async () => {
  await server.stop();
});

const streamOf = (token: string) =>
  openVisitorStream(`${server.url}/webchat/sessions/events`, bearer(token));

/** A visitor in the bot menu with a live stream that has shown the menu. */
async function liveVisitor(name: string, id: string) {
  const session = await server.openSession(name);
  const stream = await streamOf(session.token);
  expect((await server.say(session.token, `${id}-0001`, 'Oi')).status).toBe(201);
  await stream.next(isMessage((body) => body.includes('1 - Suporte')));
  return { session, stream };
}

/** What happens first after the expiry; answers a stream it opened, to close at the end. */
type Next = () => Promise<{ close: () => Promise<void> } | null>;
const anotherVisitorWrites: Next = async () => (await liveVisitor('Pedro Outro', 'other')).stream;
const heartbeat: Next = () => {
  server.webchat.hub.heartbeat();
  return Promise.resolve(null);
};

describe('a live stream whose token expires', () => {
  it.each([
    ['the next change pushed', 'push', anotherVisitorWrites],
    ['the heartbeat', 'beat', heartbeat],
  ])('ends at %s with the expiry event', async (_label, id, next) => {
    const { session, stream } = await liveVisitor('Eva Expira', `expiry-${id}`);
    const before = server.webchat.hub.connectionCount();
    server.advanceClock(30 * DAY);
    const opened = await next();
    expect(await stream.ended).toEqual({ reason: 'expired' });
    expect(server.webchat.hub.connectionCount()).toBe(before - 1 + (opened ? 1 : 0));
    // Nothing pushed after the expiry: the last event is still the menu's state.
    expect(stream.events.at(-1)).toMatchObject({ type: 'state', state: 'bot' });
    // Reconnecting is refused like any request with the expired token.
    const again = await fetch(`${server.url}/webchat/sessions/events`, {
      headers: bearer(session.token),
    });
    expect(again.status).toBe(401);
    await again.body?.cancel();
    await opened?.close();
  });

  it('stays open through a heartbeat while the token is valid', async () => {
    const { stream } = await liveVisitor('Vítor Válido', 'expiry-valid');
    const before = server.webchat.hub.connectionCount();
    server.advanceClock(29 * DAY);
    server.webchat.hub.heartbeat();
    expect(server.webchat.hub.connectionCount()).toBe(before);
    await stream.close();
    expect(await stream.ended).toBeNull();
  });
});
