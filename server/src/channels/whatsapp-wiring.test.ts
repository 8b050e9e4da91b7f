import fs from 'node:fs';
import path from 'node:path';
import { TRPCClientError } from '@trpc/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { botMenuText } from '@atendo/shared/rules/bot-menu';
import { WINDOW_MS } from '@atendo/shared/rules/messaging-window';
import { DEMO_BOT_MENU } from '../demo-data';
import type { AppRouter } from '../router';
import { sampleMessage, signWebhook, type SampleType } from './whatsapp/fake-webhooks';
import {
  CONTACT_WA_ID,
  START_SECONDS,
  WA_APP_SECRET,
  WA_CHANNEL_ID,
  WA_VERIFY_TOKEN,
  startWhatsAppTestServer,
  type WhatsAppTestServer,
} from './whatsapp-test-server';

let t: WhatsAppTestServer;
beforeEach(async () => {
  t = await startWhatsAppTestServer();
});
afterEach(async () => {
  await t.close();
});

const text = (id: string, body: string, timestamp = START_SECONDS) => ({
  from: CONTACT_WA_ID,
  id,
  timestamp: String(timestamp),
  type: 'text',
  text: { body },
});

const byWamid = (wamid: string) =>
  t.h.db
    .selectFrom('messages')
    .selectAll()
    .where('channel_id', '=', WA_CHANNEL_ID)
    .where('channel_message_id', '=', wamid)
    .execute();

async function conversationOf(wamid: string) {
  const [row] = await byWamid(wamid);
  if (!row) throw new Error(`no message ${wamid}`);
  return t.h.db
    .selectFrom('conversations')
    .selectAll()
    .where('id', '=', row.conversation_id)
    .executeTakeFirstOrThrow();
}

const counts = async () => ({
  messages: (await t.h.db.selectFrom('messages').select('id').execute()).length,
  contacts: (await t.h.db.selectFrom('contacts').select('id').execute()).length,
});

/** The contact writes, picks Suporte in the bot menu, and Ana takes the conversation. */
async function queuedForAna() {
  expect(await t.inbound([text('wamid.HELLO', 'Olá')])).toBe(200);
  expect(await t.inbound([text('wamid.PICK', '1', START_SECONDS + 1)])).toBe(200);
  const conversation = await conversationOf('wamid.HELLO');
  const ana = await t.agent('ana@atendo.demo');
  await ana.client.conversation.take.mutate({ conversationId: conversation.id });
  return { conversationId: conversation.id, ana: ana.client };
}

const atendoCode = (error: unknown) =>
  error instanceof TRPCClientError ? (error as TRPCClientError<AppRouter>).data?.atendoCode : null;

describe('WhatsApp through the real server', () => {
  it('opens a conversation in the bot menu, answers it on WhatsApp, and keeps the timeline in write order', async () => {
    expect(await t.inbound([text('wamid.HELLO', 'Olá')])).toBe(200);
    const sends = t.fake.sends();
    expect(sends).toHaveLength(1);
    expect(sends[0]?.json).toMatchObject({
      messaging_product: 'whatsapp',
      to: CONTACT_WA_ID,
      type: 'text',
      text: { body: botMenuText(DEMO_BOT_MENU) },
    });
    const conversation = await conversationOf('wamid.HELLO');
    expect(conversation).toMatchObject({ state: 'bot', last_inbound_at: START_SECONDS * 1000 });
    const timeline = await t.h.db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversation.id)
      .orderBy('created_at')
      .execute();
    // All three are written in the same millisecond; the timeline must still read in order.
    expect(timeline.map((m) => [m.kind, m.direction])).toEqual([
      ['system', 'internal'],
      ['text', 'inbound'],
      ['text', 'outbound'],
    ]);
    const times = timeline.map((m) => m.created_at);
    expect(new Set(times).size).toBe(times.length);
    expect(timeline[2]).toMatchObject({ status: 'sent', channel_message_id: 'wamid.FAKE00000001' });

    expect(await t.inbound([text('wamid.PICK', '1', START_SECONDS + 1)])).toBe(200);
    expect(await conversationOf('wamid.HELLO')).toMatchObject({
      state: 'queued',
      team_id: 'team-suporte',
    });
  });

  it.each<[SampleType, string | null]>([
    ['text', null],
    ['image', 'image/jpeg'],
    ['audio', 'audio/ogg'],
    ['document', 'application/pdf'],
    ['sticker', 'image/webp'],
    ['location', null],
    ['contacts', null],
    ['interactive-button', null],
    ['button', null],
    ['reaction', null],
    ['unsupported', null],
  ])('stores an inbound %s message (media downloadable by agents)', async (type, mime) => {
    const bytes = Buffer.from(`bytes of a ${type}`);
    const mediaId = mime === null ? undefined : t.fake.addMedia(bytes, mime);
    const wamid = `wamid.${type}`;
    const message = sampleMessage(type, {
      id: wamid,
      from: CONTACT_WA_ID,
      timestamp: START_SECONDS,
      ...(mediaId === undefined ? {} : { mediaId }),
    });
    expect(await t.inbound([message])).toBe(200);
    const [row] = await byWamid(wamid);
    expect(row).toMatchObject({ direction: 'inbound', kind: mime === null ? 'text' : 'media' });
    if (type === 'reaction') expect(row?.body).toBe('👍');
    if (mime === null) {
      expect(row?.body).not.toBe('');
      return;
    }
    const attachments = JSON.parse(row?.attachments ?? '[]') as { id: string }[];
    expect(attachments).toHaveLength(1);
    const carla = await t.agent('carla@atendo.demo');
    const download = await fetch(`${t.url}/api/attachments/${attachments[0]?.id ?? ''}`, {
      headers: { authorization: `Bearer ${carla.token}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
  });

  it('delivers an agent reply to the Graph API and applies receipts, never backwards', async () => {
    const { conversationId, ana } = await queuedForAna();
    t.fake.requests.length = 0;
    const sent = await ana.conversation.sendText.mutate({
      conversationId,
      clientId: 'r1',
      text: 'Posso ajudar?',
    });
    expect(t.fake.sends().map((r) => r.json)).toEqual([
      expect.objectContaining({
        messaging_product: 'whatsapp',
        to: CONTACT_WA_ID,
        type: 'text',
        text: expect.objectContaining({ body: '*Ana:*\nPosso ajudar?' }) as unknown,
      }),
    ]);
    expect(sent.status).toBe('sent');
    const wamid = sent.channelMessageId ?? '';
    const receipt = (status: 'sent' | 'delivered' | 'read', s: number) => ({
      id: wamid,
      status,
      timestamp: START_SECONDS + s,
      recipientId: CONTACT_WA_ID,
    });
    expect(await t.statuses([receipt('read', 5)])).toBe(200);
    expect(await t.statuses([receipt('delivered', 4), receipt('sent', 3)])).toBe(200);
    expect(await t.statuses([receipt('read', 5)])).toBe(200);
    const [row] = await byWamid(wamid);
    expect(row?.status).toBe('read');
  });

  it('on 131047 marks the message failed and the window closed, so free text needs a template', async () => {
    const { conversationId, ana } = await queuedForAna();
    const sent = await ana.conversation.sendText.mutate({
      conversationId,
      clientId: 'r1',
      text: 'Ainda está aí?',
    });
    const failure = {
      id: sent.channelMessageId ?? '',
      status: 'failed' as const,
      timestamp: START_SECONDS + 10,
      recipientId: CONTACT_WA_ID,
      errors: [{ code: 131047, title: 'Re-engagement message' }],
    };
    expect(await t.statuses([failure])).toBe(200);
    const [row] = await byWamid(sent.channelMessageId ?? '');
    expect(row?.status).toBe('failed');
    expect(JSON.parse(row?.error ?? 'null')).toMatchObject({ code: 'window-closed' });
    const conversation = await conversationOf('wamid.HELLO');
    expect(conversation.last_inbound_at).toBeLessThanOrEqual(t.h.clock.now() - WINDOW_MS);

    const refused = await ana.conversation.sendText
      .mutate({ conversationId, clientId: 'r2', text: 'Oi?' })
      .catch((e: unknown) => e);
    expect(atendoCode(refused)).toBe('template-required');
    const template = await ana.conversation.sendTemplate.mutate({
      conversationId,
      clientId: 'r3',
      templateId: 'template-chamado',
      params: { '1': 'Rita', '2': '42' },
    });
    expect(template.status).toBe('sent');
    expect(t.fake.sends().at(-1)?.json).toMatchObject({
      type: 'template',
      template: { name: 'chamado_aberto' },
    });

    // The contact's answer reopens the window.
    expect(await t.inbound([text('wamid.BACK', 'Voltei', START_SECONDS + 60)])).toBe(200);
    const again = await ana.conversation.sendText.mutate({
      conversationId,
      clientId: 'r4',
      text: 'Que bom!',
    });
    expect(again.status).toBe('sent');
  });

  it('closes the window when the Graph API refuses a send with 131047', async () => {
    const { conversationId, ana } = await queuedForAna();
    t.fake.failNextSends(1, { code: 131047 });
    const sent = await ana.conversation.sendText.mutate({
      conversationId,
      clientId: 'r1',
      text: 'Oi?',
    });
    expect(sent).toMatchObject({ status: 'failed', error: { code: 'window-closed' } });
    const refused = await ana.conversation.sendText
      .mutate({ conversationId, clientId: 'r2', text: 'Oi??' })
      .catch((e: unknown) => e);
    expect(atendoCode(refused)).toBe('template-required');
  });

  it('stores a redelivered webhook once and answers the bot menu once', async () => {
    const payload = [text('wamid.TWICE', 'Olá')];
    expect(await t.inbound(payload)).toBe(200);
    expect(await t.inbound(payload)).toBe(200);
    expect(await byWamid('wamid.TWICE')).toHaveLength(1);
    expect(t.fake.sends()).toHaveLength(1);
  });

  it('downloads the media of a redelivered message once and keeps one copy', async () => {
    const mediaId = t.fake.addMedia(Buffer.from('a photo'), 'image/jpeg');
    const photo = sampleMessage('image', {
      id: 'wamid.PHOTO',
      from: CONTACT_WA_ID,
      timestamp: START_SECONDS,
      mediaId,
    });
    expect(await t.inbound([photo])).toBe(200);
    expect(await t.inbound([photo])).toBe(200);
    const downloads = t.fake.requests.filter((r) => r.path.includes('media-download'));
    expect(downloads).toHaveLength(1);
    const [row] = await byWamid('wamid.PHOTO');
    const [attachment] = JSON.parse(row?.attachments ?? '[]') as { id: string }[];
    expect(fs.readdirSync(path.join(t.h.dir, 'uploads', 'whatsapp'))).toEqual([attachment?.id]);
  });

  it.each([
    ['a wrong signature', 'sha256=' + '0'.repeat(64), 401],
    ['no signature', null, 401],
  ])('refuses %s with 401 and stores nothing', async (_name, signature, status) => {
    const before = await counts();
    const raw = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [] }));
    expect((await t.postRaw(raw, signature)).status).toBe(status);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['not JSON', 'not json {'],
    ['the wrong shape', JSON.stringify({ object: 'page', entry: 'x' })],
  ])('refuses a signed body that is %s with 400 and stores nothing', async (_name, body) => {
    const before = await counts();
    const signed = signWebhook(body, WA_APP_SECRET);
    expect((await t.postRaw(signed.rawBody, signed.signature)).status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('answers the subscription handshake only with the verify token', async () => {
    const query = (token: string) =>
      `hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`;
    const ok = await fetch(`${t.webhookUrl}?${query(WA_VERIFY_TOKEN)}`);
    expect([ok.status, await ok.text()]).toEqual([200, '1158201444']);
    expect((await fetch(`${t.webhookUrl}?${query('wrong')}`)).status).toBe(403);
    const unknown = `${t.url}/webhooks/whatsapp/channel-webchat?${query(WA_VERIFY_TOKEN)}`;
    // Like a wrong token: nobody learns which channel ids exist.
    expect((await fetch(unknown)).status).toBe(403);
  });
});
