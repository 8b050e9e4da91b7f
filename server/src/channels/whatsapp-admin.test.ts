import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from '../app';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { appRouter } from '../router';
import { contextForToken } from '../trpc/context';
import { createCallerFactory } from '../trpc/trpc';
import { login } from '../auth/sessions';
import { DEMO_PASSWORD } from '../demo-data';
import { buildMessageWebhook, sampleMessage, signWebhook } from './whatsapp/fake-webhooks';
import {
  START_SECONDS,
  startWhatsAppTestServer,
  type WhatsAppTestServer,
} from './whatsapp-test-server';

/*
 * A second WhatsApp number with its own Meta app (token, app secret, verify token) beside the
 * demo number on the WHATSAPP_* variables: each checks and sends with its own credentials.
 */

const OWN = {
  accessToken: 'EAAG-second-app',
  appSecret: 'second-app-secret',
  verifyToken: 'second-verify',
};
const PHONE_ID = '109876543210987';
const WABA_ID = '200000000000001';

let wa: WhatsAppTestServer;
beforeEach(async () => {
  wa = await startWhatsAppTestServer();
  wa.fake.acceptToken(OWN.accessToken);
  wa.fake.addPhoneNumber(PHONE_ID, {
    display_phone_number: '+55 11 4000-1234',
    verified_name: 'Acme Cobrança',
    quality_rating: 'GREEN',
    accessToken: OWN.accessToken,
  });
});
afterEach(async () => {
  await wa.close();
});

const admin = async () => (await wa.agent('admin@atendo.demo')).client;

async function secondNumber() {
  const client = await admin();
  const channel = await client.admin.channels.create.mutate({
    kind: 'whatsapp',
    name: 'WhatsApp Cobrança',
    defaultTeamId: 'team-vendas',
    phoneNumberId: PHONE_ID,
    wabaId: WABA_ID,
    secrets: OWN,
  });
  return { client, channel, url: `${wa.url}/webhooks/whatsapp/${channel.id}` };
}

describe('a WhatsApp number with its own Meta app', () => {
  it('answers the subscription handshake with its own verify token only', async () => {
    const { url, channel } = await secondNumber();
    expect(channel.whatsapp?.webhookUrl).toBe(url.replace(/127\.0\.0\.1:\d+/, '127.0.0.1:0'));
    const verify = (token: string) =>
      fetch(`${url}?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=42`);
    const own = await verify(OWN.verifyToken);
    expect([own.status, await own.text()]).toEqual([200, '42']);
    expect((await verify('wiring-verify-token')).status).toBe(403);
  });

  it('accepts webhooks signed with its app secret, refuses the other app, sends with its token', async () => {
    const { url, channel } = await secondNumber();
    const payload = buildMessageWebhook({
      phoneNumberId: PHONE_ID,
      from: '5511955554444',
      profileName: 'Rita',
      messages: [
        sampleMessage('text', {
          id: 'wamid.SECOND1',
          from: '5511955554444',
          timestamp: START_SECONDS,
        }),
      ],
    });
    const post = (secret: string) => {
      const signed = signWebhook(payload, secret);
      return fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signed.signature },
        body: signed.rawBody,
      });
    };
    expect((await post('wiring-app-secret')).status).toBe(401);
    expect((await post(OWN.appSecret)).status).toBe(200);
    await wa.server.whatsappIdle();
    const conversation = await wa.h.db
      .selectFrom('conversations')
      .selectAll()
      .where('channel_id', '=', channel.id)
      .executeTakeFirstOrThrow();
    const diego = (await wa.agent('diego@atendo.demo')).client;
    await diego.conversation.take.mutate({ conversationId: conversation.id });
    wa.fake.requests.length = 0;
    await diego.conversation.sendText.mutate({
      conversationId: conversation.id,
      clientId: 'c-1',
      text: 'Olá Rita!',
    });
    await wa.server.whatsappIdle();
    const [send] = wa.fake.sends();
    expect(send?.path).toBe(`/v23.0/${PHONE_ID}/messages`);
    expect(send?.authorization).toBe(`Bearer ${OWN.accessToken}`);
  });

  it('uses the new token from the next message on, after an admin changes it', async () => {
    const { client, channel } = await secondNumber();
    wa.fake.acceptToken('EAAG-rotated');
    await client.admin.channels.update.mutate({
      channelId: channel.id,
      secrets: { accessToken: 'EAAG-rotated' },
    });
    wa.fake.addPhoneNumber(PHONE_ID, {
      display_phone_number: '+55 11 4000-1234',
      verified_name: 'Acme Cobrança',
    });
    wa.fake.setTemplates(WABA_ID, []);
    expect(
      await client.admin.channels.testConnection.mutate({ channelId: channel.id }),
    ).toMatchObject({ ok: true });
    expect(wa.fake.requests.map((r) => r.authorization)).toContain('Bearer EAAG-rotated');
  });
});

describe('admin.channels.testConnection', () => {
  it('reads the phone number with the channel token', async () => {
    const { client, channel } = await secondNumber();
    wa.fake.setTemplates(WABA_ID, []);
    expect(await client.admin.channels.testConnection.mutate({ channelId: channel.id })).toEqual({
      ok: true,
      displayPhoneNumber: '+55 11 4000-1234',
      verifiedName: 'Acme Cobrança',
      qualityRating: 'GREEN',
    });
  });

  it.each([
    ['bad-token', { secrets: { accessToken: 'EAAG-wrong' } }],
    ['wrong-id', { phoneNumberId: '100000000000000' }],
    ['wrong-waba-id', { wabaId: '300000000000003' }],
  ])('says %s when that is what is wrong', async (problem, change) => {
    const { client, channel } = await secondNumber();
    wa.fake.setTemplates(WABA_ID, []);
    await client.admin.channels.update.mutate({ channelId: channel.id, ...change });
    expect(
      await client.admin.channels.testConnection.mutate({ channelId: channel.id }),
    ).toMatchObject({ ok: false, problem });
  });

  it('falls back to the WHATSAPP_* value when the own secret is cleared', async () => {
    const { client, channel } = await secondNumber();
    await client.admin.channels.update.mutate({
      channelId: channel.id,
      secrets: { appSecret: null },
    });
    const row = await client.admin.channels.get.query({ channelId: channel.id });
    expect(row.whatsapp?.secrets.appSecret).toBe('env');
  });
});

it('says unreachable when the Graph API does not answer, and not-configured without a secret', async () => {
  const closedPort = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 1);
      });
    });
  });
  const config = loadConfig({
    ATENDO_DATA_DIR: wa.h.dir,
    ATENDO_PORT: '0',
    LOG_LEVEL: 'silent',
    WHATSAPP_GRAPH_BASE_URL: `http://127.0.0.1:${String(closedPort)}`,
  });
  const server = createServer({
    config,
    db: wa.h.db,
    clock: wa.h.clock,
    logger: createLogger('silent'),
  });
  const session = await login(wa.h.db, {
    email: 'admin@atendo.demo',
    password: DEMO_PASSWORD,
    now: wa.h.clock.now(),
    ttlMs: 60_000,
  });
  const caller = createCallerFactory(appRouter)(
    await contextForToken(server.deps, config, session.token),
  );
  const channel = await caller.admin.channels.create({
    kind: 'whatsapp',
    name: 'Sem rede',
    defaultTeamId: 'team-vendas',
    phoneNumberId: PHONE_ID,
    secrets: OWN,
  });
  expect(await caller.admin.channels.testConnection({ channelId: channel.id })).toMatchObject({
    ok: false,
    problem: 'unreachable',
  });
  const partial = await caller.admin.channels.create({
    kind: 'whatsapp',
    name: 'Sem segredo',
    defaultTeamId: 'team-vendas',
    phoneNumberId: '100000000000009',
    secrets: { accessToken: OWN.accessToken },
  });
  const answer = await caller.admin.channels.testConnection({ channelId: partial.id });
  expect(answer).toMatchObject({ ok: false, problem: 'not-configured' });
  expect(answer.ok ? '' : answer.message).toContain('appSecret (or WHATSAPP_APP_SECRET)');
});
