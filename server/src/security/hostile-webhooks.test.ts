import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../channels/whatsapp/fake-webhooks';
import {
  startWhatsAppTestServer,
  WA_APP_SECRET,
  WA_VERIFY_TOKEN,
  type WhatsAppTestServer,
} from '../channels/whatsapp-test-server';
import { expectAlive } from './hostile-support';

/*
 * Forged WhatsApp webhooks over real HTTP on loopback. A bad signature stores nothing, and a
 * channel id that does not exist is answered exactly like a bad signature on one that does, so
 * nobody can probe which channels exist.
 */

let t: WhatsAppTestServer;
beforeAll(async () => {
  t = await startWhatsAppTestServer();
});
afterAll(async () => {
  await t.close();
});

const payload = { object: 'whatsapp_business_account', entry: [] };
const counts = async () => ({
  messages: (await t.h.db.selectFrom('messages').select('id').execute()).length,
  contacts: (await t.h.db.selectFrom('contacts').select('id').execute()).length,
});
const answer = async (response: Response) => ({
  status: response.status,
  type: response.headers.get('content-type'),
  body: await response.text(),
});
const postTo = (channelId: string, signature: string | null) => {
  const signed = signWebhook(payload, WA_APP_SECRET);
  return fetch(`${t.url}/webhooks/whatsapp/${channelId}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature === null ? {} : { 'x-hub-signature-256': signature }),
    },
    body: signed.rawBody,
  });
};

describe('a forged webhook', () => {
  it.each([
    ['no signature', null],
    ['a malformed signature', 'sha256=zz'],
    ['a signature with another secret', signWebhook(payload, 'not-the-secret').signature],
  ])('with %s is refused and stores nothing', async (_label, signature) => {
    const before = await counts();
    expect((await postTo('channel-whatsapp', signature)).status).toBe(401);
    expect(await counts()).toEqual(before);
    await expectAlive(t.url);
  });

  it('to an unknown channel is answered like a bad signature, even when signed', async () => {
    const bad = await answer(await postTo('channel-whatsapp', 'sha256=' + '0'.repeat(64)));
    const signed = signWebhook(payload, WA_APP_SECRET).signature;
    for (const channelId of ['channel-nope', 'channel-webchat', '..%2F..%2Fetc']) {
      expect(await answer(await postTo(channelId, signed))).toEqual(bad);
      expect(await answer(await postTo(channelId, null))).toEqual(bad);
    }
  });

  it('handshake for an unknown channel is answered like a wrong verify token', async () => {
    const query = (token: string) =>
      `hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=42`;
    const wrong = await answer(
      await fetch(`${t.url}/webhooks/whatsapp/channel-whatsapp?${query('wrong')}`),
    );
    const unknown = await answer(
      await fetch(`${t.url}/webhooks/whatsapp/channel-nope?${query(WA_VERIFY_TOKEN)}`),
    );
    expect(unknown).toEqual(wrong);
    expect(wrong.status).toBe(403);
  });
});
