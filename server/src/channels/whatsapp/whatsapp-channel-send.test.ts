import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGraphServer, type FakeGraphServer } from './fake-graph-server';
import type { WhatsAppOutbound } from './outbound-send';
import { createTestChannel, serverSide, TEST_PHONE_NUMBER_ID } from './test-support';
import type { WhatsAppChannel } from './whatsapp-channel';

const to = '5511987654321';
let fake: FakeGraphServer;
let channel: WhatsAppChannel;
let delays: number[];

beforeEach(async () => {
  fake = await startFakeGraphServer();
  ({ channel, delays } = createTestChannel(fake, serverSide()));
});
afterEach(() => fake.close());

const text = (messageId: string, body = messageId): WhatsAppOutbound => ({
  messageId,
  to,
  content: { type: 'text', body },
});

describe('sending through the channel', () => {
  it('sends text and returns the wamid for later statuses', async () => {
    expect(await channel.send(text('msg-1', 'Olá, Maria!'))).toEqual({
      ok: true,
      messageId: 'msg-1',
      channelMessageId: 'wamid.FAKE00000001',
      waId: to,
    });
    expect(fake.sends()[0]?.path).toBe(`/v23.0/${TEST_PHONE_NUMBER_ID}/messages`);
  });

  it('uploads an attachment, then sends it by media id with its caption', async () => {
    const bytes = Buffer.from('\x89PNG fake image');
    const outcome = await channel.send({
      messageId: 'msg-2',
      to,
      content: {
        type: 'media',
        mediaType: 'image',
        bytes,
        mimeType: 'image/png',
        fileName: 'print.png',
        caption: 'Segue o print',
      },
    });
    expect(outcome.ok).toBe(true);
    const upload = fake.requests.find((r) => r.path.endsWith('/media'));
    expect(upload?.file?.equals(bytes)).toBe(true);
    const sent = fake.sends()[0]?.json as { image: { id: string; caption: string } };
    expect(sent.image.caption).toBe('Segue o print');
    // The id sent is the one the upload returned: the fake holds those bytes under it.
    expect(fake.media(sent.image.id)?.bytes.equals(bytes)).toBe(true);
    expect(fake.sends()).toHaveLength(1);
  });

  it.each([
    [
      'positional',
      { '1': 'Maria', '2': '4521' },
      [
        { type: 'text', text: 'Maria' },
        { type: 'text', text: '4521' },
      ],
    ],
    [
      'named',
      { customer_name: 'Maria', order_id: '4521' },
      [
        { type: 'text', parameter_name: 'customer_name', text: 'Maria' },
        { type: 'text', parameter_name: 'order_id', text: '4521' },
      ],
    ],
  ])('sends a template with %s parameters', async (_label, params, parameters) => {
    const outcome = await channel.send({
      messageId: 'msg-3',
      to,
      content: { type: 'template', name: 'pedido_enviado', language: 'pt_BR', params },
    });
    expect(outcome.ok).toBe(true);
    expect(fake.sends()[0]?.json).toMatchObject({
      type: 'template',
      template: {
        name: 'pedido_enviado',
        language: { code: 'pt_BR' },
        components: [{ type: 'body', parameters }],
      },
    });
  });

  it.each([
    [131047, 'window-closed', true, false],
    [131026, 'undeliverable', false, false],
    [131049, 'ecosystem-limit', false, false],
    [131000, 'whatsapp-131000', false, false],
  ])('reports a synchronous %i as %s without retrying', async (code, errorCode, closes, retry) => {
    fake.failNextSends(1, { code });
    const outcome = await channel.send(text('msg-4'));
    expect(outcome).toMatchObject({
      ok: false,
      messageId: 'msg-4',
      error: { code: errorCode },
      closesWindow: closes,
      retryable: retry,
      attempts: 1,
    });
    expect(delays).toEqual([]);
  });

  it('retries an HTTP 500 and a throughput limit, keeping later messages behind', async () => {
    fake.failNextSends(1, { httpStatus: 500 });
    fake.failNextSends(1, { code: 130429 });
    const outcomes = await Promise.all([channel.send(text('a')), channel.send(text('b'))]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    const bodies = fake.sends().map((r) => (r.json as { text: { body: string } }).text.body);
    expect(bodies).toEqual(['a', 'a', 'a', 'b']);
    expect(delays).toEqual([10, 20]);
  });

  it('gives up after the attempts run out and leaves the message resendable', async () => {
    fake.failNextSends(5, { code: 131056 });
    const outcome = await channel.send(text('msg-5'));
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'pair-rate-limited' },
      retryable: true,
      attempts: 3,
    });
    await channel.idle();
  });
});
