import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../clock';
import { createLogger } from '../../logger';
import { manualTimer } from '../../sync/stream-timer';
import { openVisitorStream } from './sse-test-client';
import { createVisitorHub, VISITOR_HEARTBEAT_MS } from './visitor-hub';

/*
 * The hub's heartbeat on its own, over real SSE responses on loopback, with a manual clock and
 * timer: a stream ends with a `session-end` event once its token has expired, and not before.
 * Each stream names its expiry in the URL, as the router passes the token's.
 */

const START = Date.UTC(2026, 2, 2, 13, 0, 0);
const clock = manualClock(START);
const timer = manualTimer();
const hub = createVisitorHub({
  snapshot: () => Promise.resolve({ conversation: null, messages: [], agentNames: new Map() }),
  csatPrompt: () => Promise.resolve(''),
  now: () => clock.now(),
  logger: createLogger('silent'),
  setTimer: timer.setTimer,
});
let server: http.Server;
let url = '';

beforeAll(async () => {
  const app = express();
  app.get('/events/:address', async (req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('retry: 3000\n\n');
    const visitor = { channelId: 'channel-webchat', address: req.params.address };
    await hub.connect(visitor, res, Number(req.query.expiresAt));
  });
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  hub.closeAll();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const open = (address: string, expiresAt: number) =>
  openVisitorStream(`${url}/events/${address}?expiresAt=${expiresAt}`);

describe('visitor streams past their token’s expiry', () => {
  it('end at the first heartbeat after it, with the expiry event, and only those', async () => {
    clock.set(START);
    const soon = await open('v-soon', START + 60_000);
    const sameVisitorLater = await open('v-soon', START + 120_000);
    const later = await open('v-later', START + 120_000);
    expect(hub.connectionCount()).toBe(3);

    clock.set(START + 59_999);
    timer.fire(VISITOR_HEARTBEAT_MS);
    expect(hub.connectionCount()).toBe(3);

    clock.set(START + 60_000);
    timer.fire(VISITOR_HEARTBEAT_MS);
    expect(await soon.ended).toEqual({ reason: 'expired' });
    expect(hub.connectionCount()).toBe(2);
    // The heartbeat goes on for the streams still open.
    expect(timer.pending(VISITOR_HEARTBEAT_MS)).toBe(1);

    clock.set(START + 120_000);
    timer.fire(VISITOR_HEARTBEAT_MS);
    expect(await sameVisitorLater.ended).toEqual({ reason: 'expired' });
    expect(await later.ended).toEqual({ reason: 'expired' });
    expect(hub.connectionCount()).toBe(0);
  });

  it('end on a push too, before anything reaches them', async () => {
    clock.set(START);
    const stream = await open('v-push', START + 1000);
    clock.set(START + 1000);
    await hub.refresh({ channelId: 'channel-webchat', address: 'v-push' });
    expect(await stream.ended).toEqual({ reason: 'expired' });
    expect(stream.events).toEqual([]);
    expect(hub.connectionCount()).toBe(0);
  });

  it('stay open through heartbeats while the token is valid', async () => {
    clock.set(START);
    const stream = await open('v-valid', START + 10 * VISITOR_HEARTBEAT_MS);
    for (let beat = 1; beat < 10; beat += 1) {
      clock.set(START + beat * VISITOR_HEARTBEAT_MS);
      timer.fire(VISITOR_HEARTBEAT_MS);
    }
    expect(hub.connectionCount()).toBe(1);
    await stream.close();
    expect(await stream.ended).toBeNull();
  });
});
