import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGraphServer, type FakeGraphServer } from './fake-graph-server';
import { createGraphClient, type GraphClient } from './graph-client';
import { recordingSleep, silentLogger } from './test-support';

const phoneNumberId = '106540352242922';
const to = '5511987654321';
let fake: FakeGraphServer;
let graph: GraphClient;
let delays: number[];

beforeEach(async () => {
  fake = await startFakeGraphServer();
  const recorder = recordingSleep();
  delays = recorder.delays;
  graph = createGraphClient({
    phoneNumberId,
    accessToken: fake.accessToken,
    baseUrl: fake.baseUrl,
    apiVersion: 'v23.0',
    sleep: recorder.sleep,
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 250 },
    logger: silentLogger,
  });
});
afterEach(() => fake.close());

describe('graph client against the fake Graph API', () => {
  it('sends text with the documented body, path and bearer token', async () => {
    const result = await graph.sendText(to, { body: 'Olá! Como posso ajudar?' });
    expect(result).toEqual({ ok: true, value: { wamid: 'wamid.FAKE00000001', waId: to } });
    const [request] = fake.sends();
    expect(request?.path).toBe(`/v23.0/${phoneNumberId}/messages`);
    expect(request?.authorization).toBe(`Bearer ${fake.accessToken}`);
    expect(request?.json).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      type: 'text',
      text: { body: 'Olá! Como posso ajudar?', preview_url: false },
    });
  });

  it('uploads media as multipart and sends it by the returned id', async () => {
    const bytes = Buffer.from('%PDF-1.4 fake invoice');
    const upload = await graph.uploadMedia({
      bytes,
      mimeType: 'application/pdf',
      fileName: 'boleto.pdf',
    });
    if (!upload.ok) throw new Error('upload failed');
    const uploadRequest = fake.requests.find((r) => r.path.endsWith('/media'));
    expect(uploadRequest?.path).toBe(`/v23.0/${phoneNumberId}/media`);
    expect(uploadRequest?.form).toMatchObject({
      messaging_product: 'whatsapp',
      type: 'application/pdf',
      file: 'boleto.pdf',
    });
    expect(fake.media(upload.value.id)?.bytes.equals(bytes)).toBe(true);

    await graph.sendMedia(to, {
      mediaType: 'document',
      mediaId: upload.value.id,
      caption: 'Seu boleto',
      fileName: 'boleto.pdf',
    });
    await graph.sendMedia(to, {
      mediaType: 'audio',
      mediaId: upload.value.id,
      caption: 'dropped',
      fileName: 'dropped',
    });
    expect(fake.sends().map((r) => r.json)).toEqual([
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to,
        type: 'document',
        document: { id: upload.value.id, caption: 'Seu boleto', filename: 'boleto.pdf' },
      },
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to,
        type: 'audio',
        audio: { id: upload.value.id },
      },
    ]);
  });

  it('fetches a media URL and downloads the bytes with the bearer token', async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const mediaId = fake.addMedia(bytes, 'image/jpeg');
    const info = await graph.getMediaUrl(mediaId);
    if (!info.ok) throw new Error('media url failed');
    expect(info.value).toMatchObject({ mimeType: 'image/jpeg', fileSize: bytes.length });
    const download = await graph.downloadMedia(info.value.url);
    expect(download.ok && download.value.equals(bytes)).toBe(true);
    expect(fake.requests.every((r) => r.authorization === `Bearer ${fake.accessToken}`)).toBe(true);
  });

  it('reports an unknown media id as a non-retryable failure', async () => {
    const info = await graph.getMediaUrl('999');
    expect(info).toMatchObject({
      ok: false,
      attempts: 1,
      failure: { code: 'whatsapp-100', retryable: false },
    });
  });

  it.each([
    [
      'positional',
      { '2': 'amanhã', '1': 'Maria' },
      [
        { type: 'text', text: 'Maria' },
        { type: 'text', text: 'amanhã' },
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
    await graph.sendTemplate(to, { name: 'order_update', language: 'pt_BR', params });
    expect(fake.sends()[0]?.json).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'pt_BR' },
        components: [{ type: 'body', parameters }],
      },
    });
  });

  it.each([
    ['throughput (130429)', { code: 130429 }],
    ['pair rate limit (131056)', { code: 131056 }],
    ['HTTP 500', { httpStatus: 500 }],
  ])('retries %s with exponential backoff, then succeeds', async (_label, failure) => {
    fake.failNextSends(3, failure);
    const result = await graph.sendText(to, { body: 'oi' });
    expect(result.ok).toBe(true);
    expect(fake.sends()).toHaveLength(4);
    expect(delays).toEqual([100, 200, 250]);
  });

  it('gives up after the maximum attempts with a retryable failure', async () => {
    fake.failNextSends(10, { code: 130429 });
    const result = await graph.sendText(to, { body: 'oi' });
    expect(result).toMatchObject({
      ok: false,
      attempts: 4,
      failure: { code: 'rate-limited', retryable: true },
    });
    expect(fake.sends()).toHaveLength(4);
  });

  it.each([
    [131047, 'window-closed', true],
    [131026, 'undeliverable', false],
    [131049, 'ecosystem-limit', false],
  ])('does not retry %i: it fails as %s', async (code, expected, closesWindow) => {
    fake.failNextSends(1, { code });
    const result = await graph.sendText(to, { body: 'oi' });
    expect(result).toMatchObject({
      ok: false,
      attempts: 1,
      failure: { code: expected, closesWindow, metaCode: code },
    });
    expect(fake.sends()).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('fails with the error details when the token is wrong', async () => {
    const bad = createGraphClient({
      phoneNumberId,
      accessToken: 'wrong',
      baseUrl: fake.baseUrl,
      logger: silentLogger,
    });
    const result = await bad.sendText(to, { body: 'oi' });
    expect(result).toMatchObject({
      ok: false,
      failure: { code: 'whatsapp-190', retryable: false },
    });
  });

  it('treats a refused connection as a retryable network error', async () => {
    await fake.close();
    const result = await graph.sendText(to, { body: 'oi' });
    expect(result).toMatchObject({
      ok: false,
      attempts: 4,
      failure: { code: 'network-error', retryable: true },
    });
    fake = await startFakeGraphServer();
  });
});
