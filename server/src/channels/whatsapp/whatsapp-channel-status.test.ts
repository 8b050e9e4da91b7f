import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGraphServer, type FakeGraphServer } from './fake-graph-server';
import { buildStatusWebhook, signWebhook, type StatusInput } from './fake-webhooks';
import {
  createTestChannel,
  serverSide,
  TEST_APP_SECRET,
  TEST_PHONE_NUMBER_ID as phoneNumberId,
  type ServerSide,
} from './test-support';
import type { WhatsAppChannel } from './whatsapp-channel';

const timestamp = 1_717_000_000;
let fake: FakeGraphServer;
let server: ServerSide;
let channel: WhatsAppChannel;

beforeEach(async () => {
  fake = await startFakeGraphServer();
  server = serverSide();
  channel = createTestChannel(fake, server).channel;
});
afterEach(() => fake.close());

function post(statuses: StatusInput[]) {
  const { rawBody, signature } = signWebhook(
    buildStatusWebhook({ phoneNumberId, statuses }),
    TEST_APP_SECRET,
  );
  return channel.handleWebhook(rawBody, signature);
}

const status = (
  value: StatusInput['status'],
  offset: number,
  errors?: StatusInput['errors'],
): StatusInput => ({
  id: 'wamid.OUT',
  status: value,
  timestamp: timestamp + offset,
  recipientId: '5511987654321',
  ...(errors === undefined ? {} : { errors }),
});

describe('delivery statuses', () => {
  it('passes statuses on in arrival order, out-of-order and duplicates included', async () => {
    // The never-backwards rule is the server's (nextDeliveryStatus); the adapter forwards all.
    const statuses = [
      status('sent', 0),
      status('read', 5),
      status('delivered', 3),
      status('read', 5),
      status('played', 9),
    ];
    expect(await post(statuses)).toEqual({ status: 200, messages: 0, statuses: 5, skipped: 0 });
    expect(server.statuses.map((s) => [s.status, s.at])).toEqual([
      ['sent', timestamp * 1000],
      ['read', (timestamp + 5) * 1000],
      ['delivered', (timestamp + 3) * 1000],
      ['read', (timestamp + 5) * 1000],
      ['read', (timestamp + 9) * 1000],
    ]);
    const clean = server.statuses.every(
      (s) => s.error === null && !s.closesWindow && s.channelId === 'ch-wa-1',
    );
    expect(clean).toBe(true);
  });

  it('passes the same status webhook on twice when Meta redelivers it', async () => {
    await post([status('delivered', 1)]);
    await post([status('delivered', 1)]);
    expect(server.statuses.map((s) => s.status)).toEqual(['delivered', 'delivered']);
  });

  const reason = 'Receiver is incapable of receiving this message';
  it.each([
    [131047, { code: 'window-closed', message: 'window closed — send a template' }, true],
    [131026, { code: 'undeliverable', message: `undeliverable: ${reason}` }, false],
    [
      131049,
      {
        code: 'ecosystem-limit',
        message: `not delivered to keep ecosystem engagement healthy: ${reason}`,
      },
      false,
    ],
    [130429, { code: 'rate-limited', message: 'throughput limit' }, false],
    [131056, { code: 'pair-rate-limited', message: 'too many messages to this contact' }, false],
    [131000, { code: 'whatsapp-131000', message: `failed: ${reason}` }, false],
  ])('maps a failed status with %i', async (code, error, closesWindow) => {
    await post([status('failed', 1, [{ code, title: 'Some title', details: reason }])]);
    expect(server.statuses).toEqual([
      {
        channelId: 'ch-wa-1',
        channelMessageId: 'wamid.OUT',
        status: 'failed',
        error,
        closesWindow,
        at: (timestamp + 1) * 1000,
      },
    ]);
  });
});
