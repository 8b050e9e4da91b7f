import { afterEach, expect, it } from 'vitest';
import { botMenuText } from '@atendo/shared/rules/bot-menu';
import { DEMO_BOT_MENU } from '../demo-data';
import {
  CONTACT_WA_ID,
  START_SECONDS,
  WA_CHANNEL_ID,
  startWhatsAppTestServer,
  type WhatsAppTestServer,
} from './whatsapp-test-server';

let t: WhatsAppTestServer | null = null;
let release: () => void = () => undefined;
afterEach(async () => {
  release();
  await t?.close();
  t = null;
});

it('answers the webhook once the message is stored, while the bot menu waits out a rate limit', async () => {
  // The adapter's backoff sleeps until the test lets it go on.
  const backoff = new Promise<void>((resolve) => {
    release = resolve;
  });
  t = await startWhatsAppTestServer({ sleep: () => backoff });
  t.fake.failNextSends(1, { code: 130429 });
  const hello = {
    from: CONTACT_WA_ID,
    id: 'wamid.ACK',
    timestamp: String(START_SECONDS),
    type: 'text',
    text: { body: 'Olá' },
  };

  expect(await t.inboundAnswered([hello])).toBe(200);
  const messages = () =>
    t?.h.db
      .selectFrom('messages')
      .select(['direction', 'body', 'status'])
      .where('conversation_id', '=', (eb) =>
        eb
          .selectFrom('messages')
          .select('conversation_id')
          .where('channel_id', '=', WA_CHANNEL_ID)
          .where('channel_message_id', '=', 'wamid.ACK'),
      )
      .where('direction', '<>', 'internal')
      .orderBy('created_at')
      .execute();
  const menu = botMenuText(DEMO_BOT_MENU);
  expect(await messages()).toEqual([
    { direction: 'inbound', body: 'Olá', status: 'delivered' },
    { direction: 'outbound', body: menu, status: 'queued' },
  ]);

  release();
  await t.server.whatsappIdle();
  expect((await messages())?.[1]).toMatchObject({ status: 'sent' });
  // The rate-limited attempt and the one after the backoff.
  const sent = t.fake.sends().map((s) => s.json as { text?: { body?: string } });
  expect(sent.map((json) => json.text?.body)).toEqual([menu, menu]);
});
