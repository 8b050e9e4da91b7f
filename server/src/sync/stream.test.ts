import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { STREAM_HEARTBEAT_MS, STREAM_HELLO_TIMEOUT_MS } from '@atendo/shared/sync/protocol';
import { fanoutFor } from './fanout';
import { manualTimer } from './stream-timer';
import { connectClient, pullAll, StreamRecorder } from './test-client';
import { ANA, CARLA, DIEGO, useSyncServer } from './test-fixture';
import { tokenFor } from './test-harness';
import { addTag, moveAgent, openConversation } from './test-writes';

// Heartbeats, hello deadlines and the shutdown grace run only when a test fires them.
const timer = manualTimer();
const f = useSyncServer({ setTimer: timer.setTimer });

const fanout = () => fanoutFor(f.app.db, f.app.deps.feed, f.app.deps.logger);

const connected = (s: StreamRecorder) => s.count('connected') >= 1;

describe('the sync stream websocket', () => {
  it('pushes an agent only what its teams may see, one JSON array per frame', async () => {
    const ana = new StreamRecorder(await f.signIn(ANA));
    // Diego (Vendas) streams at the same time, so the one fan-out serves two scopes at once.
    const diego = new StreamRecorder(await f.signIn(DIEGO));
    await ana.until(connected);
    await diego.until(connected);
    expect(ana.frames).toEqual(['[{"type":"resync","reason":"connected"}]']);

    await openConversation(f.app, {
      id: 'conv-vendas-1',
      contactId: 'contact-lucia',
      channelId: 'channel-webchat',
      teamId: 'team-vendas',
    });
    await addTag(f.app, 'tag-vendas-1', 'team-vendas');
    await addTag(f.app, 'tag-suporte-1', 'team-suporte');
    await openConversation(f.app, {
      id: 'conv-suporte-1',
      contactId: 'contact-joao',
      channelId: 'channel-webchat',
      teamId: 'team-suporte',
    });

    // Changes are routed in feed order, so once the last write arrived every earlier one was
    // either delivered or withheld.
    await ana.until((s) => s.documents('messages').some((m) => m.id === 'conv-suporte-1-m0'));
    expect(ana.documents('conversations').map((d) => d.id)).toEqual(['conv-suporte-1']);
    expect(ana.documents('tags').map((d) => d.id)).toEqual(['tag-suporte-1']);
    expect(ana.documents('messages').map((d) => d.id)).toEqual(['conv-suporte-1-m0']);
    for (const frame of ana.frames) expect(Array.isArray(JSON.parse(frame))).toBe(true);
    await diego.until((s) => s.documents('tags').some((t) => t.id === 'tag-vendas-1'));
    expect(diego.documents('conversations').map((d) => d.id)).toEqual(['conv-vendas-1']);
    expect(diego.documents('tags').map((d) => d.id)).toEqual(['tag-vendas-1']);
    expect([...ana.closes, ...diego.closes]).toEqual([]);
  });

  it('writes the same bytes to every connection in one audience', async () => {
    const laptop = new StreamRecorder(await f.signIn(ANA));
    const phone = new StreamRecorder(await f.signIn(ANA));
    await laptop.until(connected);
    await phone.until(connected);
    await addTag(f.app, 'tag-suporte-1', 'team-suporte');
    await addTag(f.app, 'tag-suporte-2', 'team-suporte');
    const both = (s: StreamRecorder) => s.documents('tags').length === 2;
    await laptop.until(both);
    await phone.until(both);
    expect(phone.frames).toEqual(laptop.frames);
  });

  it('sends every supervisor change of both teams, with a checkpoint the pull accepts', async () => {
    const carla = await f.signIn(CARLA);
    const stream = new StreamRecorder(carla);
    await stream.until(connected);
    await openConversation(f.app, {
      id: 'conv-vendas-1',
      contactId: 'contact-lucia',
      channelId: 'channel-webchat',
      teamId: 'team-vendas',
    });
    await stream.until((s) => s.documents('messages').length === 1);
    const event = stream.events.find((e) => e.type === 'changes' && e.collection === 'messages');
    if (event?.type !== 'changes') throw new Error('no messages event');
    const next = await carla.trpc.sync.pull.query({
      collection: 'messages',
      checkpoint: event.checkpoint,
      limit: 10,
    });
    expect(next).toMatchObject({ documents: [], reset: false });
  });

  it.each([
    ['not JSON', 'hello', 4400],
    ['no token', JSON.stringify({ type: 'hello' }), 4400],
    ['another type', JSON.stringify({ type: 'subscribe', token: 'x' }), 4400],
    ['an unknown token', JSON.stringify({ type: 'hello', token: 'not-a-session' }), 4401],
  ])('refuses a hello with %s (close %i) and subscribes nothing', async (_, hello, code) => {
    const stream = new StreamRecorder(connectClient(f.server, null), { hello });
    await stream.until((s) => s.closes.length === 1);
    expect(stream.closes).toEqual([code]);
    expect(stream.frames).toEqual([]);
    expect(fanout().subscriberCount).toBe(0);
  });

  it('refuses an expired session with 4401', async () => {
    const token = await tokenFor(f.app, ANA);
    f.app.clock.advance(f.app.config.sessionTtlMs);
    const stream = new StreamRecorder(connectClient(f.server, token));
    await stream.until((s) => s.closes.length === 1);
    expect(stream.closes).toEqual([4401]);
    expect(stream.frames).toEqual([]);
    expect(fanout().subscriberCount).toBe(0);
  });

  it('closes a socket that says nothing within the hello deadline with 4408', async () => {
    const stream = new StreamRecorder(connectClient(f.server, null), { hello: null });
    await stream.until((s) => s.opens === 1);
    timer.fire(STREAM_HELLO_TIMEOUT_MS);
    await stream.until((s) => s.closes.length === 1);
    expect(stream.closes).toEqual([4408]);
    expect(fanout().subscriberCount).toBe(0);
  });

  it('refuses a websocket on any other path', async () => {
    const socket = new WebSocket(f.server.streamUrl.replace('/sync/stream', '/trpc'));
    const status = await new Promise<number | undefined>((resolve) => {
      socket.on('unexpected-response', (_request, response) => {
        resolve(response.statusCode);
      });
      socket.on('error', () => undefined);
    });
    expect(status).toBe(404);
  });

  it('tells an agent moved to another team to resync, and its old checkpoint resets', async () => {
    const ana = await f.signIn(ANA);
    const before = await pullAll(ana, 'tags');
    const stream = new StreamRecorder(ana);
    await stream.until(connected);

    await moveAgent(f.app, 'agent-ana', ['team-vendas']);

    await stream.until((s) => s.count('scope-changed') === 1);
    const stale = await ana.trpc.sync.pull.query({
      collection: 'tags',
      checkpoint: before.checkpoint,
      limit: 100,
    });
    expect(stale).toMatchObject({ documents: [], reset: true });
    expect(stale.checkpoint.epoch).not.toBe(before.checkpoint.epoch);
    const fresh = await pullAll(ana, 'tags');
    expect(fresh.documents.map((d) => d.id).sort()).toEqual(['tag-agendamento', 'tag-negociacao']);
  });

  it('sends heartbeats and cuts off a client that stopped answering pings', async () => {
    const ana = new StreamRecorder(await f.signIn(ANA));
    const deaf = new StreamRecorder(await f.signIn(CARLA), { autoPong: false });
    await ana.until(connected);
    await deaf.until(connected);
    timer.fire(STREAM_HEARTBEAT_MS);
    await ana.until((s) => s.frames.length === 2);
    await deaf.until((s) => s.frames.length === 2);
    expect(ana.frames[1]).toMatch(/^\[\{"type":"heartbeat","seq":\d+,"head":\d+\}\]$/);
    expect(deaf.frames[1]).toBe(ana.frames[1]);
    await ana.roundTrip();
    timer.fire(STREAM_HEARTBEAT_MS);
    await deaf.until((s) => s.closes.length === 1);
    expect(deaf.closes).toEqual([1006]);
    await ana.until((s) => s.frames.length === 3);
    expect(ana.closes).toEqual([]);
  });

  it('closes every stream with 1001 on shutdown; the client reconnects and resyncs', async () => {
    const ana = await f.signIn(ANA);
    const stream = new StreamRecorder(ana);
    await stream.until(connected);

    await f.server.close();
    await stream.until((s) => s.closes.length >= 1);
    expect(stream.closes[0]).toBe(1001);
    await f.restart();
    await stream.until((s) => s.count('connected') === 2);
    await addTag(f.app, 'tag-after-restart', 'team-suporte');

    await stream.until((s) => s.documents('tags').some((t) => t.id === 'tag-after-restart'));
  });

  it('forgets a subscriber when the client disconnects', async () => {
    const ana = await f.signIn(ANA);
    const stream = new StreamRecorder(ana);
    await stream.until(connected);
    expect(fanout().subscriberCount).toBe(1);
    await stream.stop();
    // The server hears the close a moment after the client does.
    await expect.poll(() => fanout().subscriberCount).toBe(0);
  });
});
