import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { buildMessageWebhook, signWebhook } from './whatsapp/fake-webhooks';
import {
  CONTACT_WA_ID,
  START_SECONDS,
  WA_APP_SECRET,
  WA_CHANNEL_ID,
  WA_PHONE_NUMBER_ID,
  startWhatsAppTestServer,
  type WhatsAppTestServer,
} from './whatsapp-test-server';

/*
 * The webhook reads plain JSON bodies itself and leaves every other body to express.raw: both
 * ways must hand the handler the exact bytes Meta signed.
 */

let t: WhatsAppTestServer;
beforeEach(async () => {
  t = await startWhatsAppTestServer();
});
afterEach(async () => {
  await t.close();
});

const signedText = (wamid: string) =>
  signWebhook(
    buildMessageWebhook({
      phoneNumberId: WA_PHONE_NUMBER_ID,
      from: CONTACT_WA_ID,
      profileName: 'Rita',
      messages: [
        {
          from: CONTACT_WA_ID,
          id: wamid,
          timestamp: String(START_SECONDS),
          type: 'text',
          text: { body: `body of ${wamid}` },
        },
      ],
    }),
    WA_APP_SECRET,
  );

const stored = (wamid: string) =>
  t.h.db
    .selectFrom('messages')
    .select('body')
    .where('channel_id', '=', WA_CHANNEL_ID)
    .where('channel_message_id', '=', wamid)
    .execute();

describe('the WhatsApp webhook body', () => {
  it.each([
    ['plain JSON', 'application/json', (raw: Buffer) => raw, {}],
    ['JSON with a charset', 'application/json; charset=UTF-8', (raw: Buffer) => raw, {}],
    ['gzip-compressed JSON', 'application/json', gzipSync, { 'content-encoding': 'gzip' }],
    ['another content type', 'text/plain', (raw: Buffer) => raw, {}],
  ])('accepts %s and stores the message once', async (name, type, encode, headers) => {
    const wamid = `wamid.${name.replaceAll(' ', '-')}`;
    const signed = signedText(wamid);
    const response = await fetch(t.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': type, 'x-hub-signature-256': signed.signature, ...headers },
      body: new Uint8Array(encode(Buffer.from(signed.rawBody))),
    });
    expect([response.status, await response.text()]).toEqual([200, 'OK']);
    expect(await stored(wamid)).toEqual([{ body: `body of ${wamid}` }]);
  });

  it('refuses a body over the limit with 413', async () => {
    const { whatsapp } = loadConfig({
      WHATSAPP_ACCESS_TOKEN: 'token',
      WHATSAPP_APP_SECRET: WA_APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: 'verify',
    });
    const limit = whatsapp?.webhookLimitBytes ?? 0;
    expect(limit).toBeGreaterThan(0);
    const count = async () => (await t.h.db.selectFrom('messages').select('id').execute()).length;
    const before = await count();
    const signed = signWebhook(' '.repeat(limit + 1), WA_APP_SECRET);
    const response = await t.postRaw(Buffer.from(signed.rawBody), signed.signature);
    expect(response.status).toBe(413);
    expect(await count()).toBe(before);
  });
});
