import type { Server } from 'node:http';
import express from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGraphServer, type FakeGraphServer } from './fake-graph-server';
import { buildMessageWebhook, sampleMessage, signWebhook } from './fake-webhooks';
import {
  createTestChannel,
  serverSide,
  TEST_APP_SECRET,
  TEST_PHONE_NUMBER_ID,
  type ServerSide,
} from './test-support';
import type { WhatsAppChannel } from './whatsapp-channel';

/**
 * Mounts the channel the way the server does, to prove the adapter needs nothing from express
 * but the raw body and one header. `express.raw` matters: a JSON parser would hand over a
 * re-serialised body whose bytes, and so whose HMAC, differ from what Meta signed.
 */
function mount(channels: Map<string, WhatsAppChannel>) {
  const app = express();
  app.get('/webhooks/whatsapp/:channelId', (req, res) => {
    const channel = channels.get(req.params.channelId);
    if (channel === undefined) return void res.sendStatus(404);
    const answer = channel.handleVerification(req.query);
    if (answer.status === 200) res.type('text/plain').send(answer.body);
    else res.sendStatus(answer.status);
  });
  app.post(
    '/webhooks/whatsapp/:channelId',
    express.raw({ type: '*/*', limit: '5mb' }),
    async (req, res) => {
      const channel = channels.get(req.params.channelId);
      const body: unknown = req.body;
      if (channel === undefined || !Buffer.isBuffer(body)) return void res.sendStatus(404);
      const answer = await channel.handleWebhook(body, req.get('x-hub-signature-256'));
      res.sendStatus(answer.status);
    },
  );
  return app;
}

let fake: FakeGraphServer;
let server: ServerSide;
let http: Server;
let url: string;

beforeEach(async () => {
  fake = await startFakeGraphServer();
  server = serverSide();
  const { channel } = createTestChannel(fake, server);
  http = mount(new Map([['ch-wa-1', channel]])).listen(0, '127.0.0.1');
  await new Promise((resolve) => http.once('listening', resolve));
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  url = `http://127.0.0.1:${address.port}/webhooks/whatsapp/ch-wa-1`;
});
afterEach(async () => {
  await new Promise((resolve) => http.close(resolve));
  await fake.close();
});

const from = '5511987654321';
const payload = buildMessageWebhook({
  phoneNumberId: TEST_PHONE_NUMBER_ID,
  from,
  messages: [sampleMessage('text', { id: 'wamid.HTTP', from, timestamp: 1_717_000_000 })],
});

describe('webhook mounted in express', () => {
  it('answers the subscription handshake with the challenge', async () => {
    const query = 'hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444';
    const response = await fetch(`${url}?${query}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('1158201444');
    expect(
      (await fetch(`${url}?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1`)).status,
    ).toBe(403);
  });

  it('accepts a signed POST with the bytes exactly as sent', async () => {
    // Meta's JSON escapes non-ASCII and slashes; the HMAC is over these bytes, not a reparse.
    const raw = JSON.stringify(payload).replace('Olá', 'Ol\\u00e1').replaceAll('/', '\\/');
    const { rawBody, signature } = signWebhook(raw, TEST_APP_SECRET);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
      body: rawBody,
    });
    expect(response.status).toBe(200);
    expect(server.ingested.map((m) => [m.channelMessageId, m.body])).toEqual([
      ['wamid.HTTP', 'Olá, meu pedido não chegou'],
    ]);
  });

  it('refuses an unsigned POST with 401 and stores nothing', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    expect(response.status).toBe(401);
    expect(server.ingested).toEqual([]);
  });
});
