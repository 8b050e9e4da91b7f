import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { botMenuText } from '@atendo/shared/rules/bot-menu';
import { contactNotice } from '@atendo/shared/rules/contact-notices';
import { csatPrompt, CSAT_COMMENT_WINDOW_MS } from '@atendo/shared/rules/csat';
import { DEMO_BOT_MENU } from '../demo-data';
import { runTimers } from '../services/timers';
import {
  CONTACT_WA_ID,
  START_SECONDS,
  WA_CHANNEL_ID,
  startWhatsAppTestServer,
  type WhatsAppTestServer,
} from './whatsapp-test-server';

/* What the web chat widget shows by itself, WhatsApp must say in messages: "you are in the
 * queue" after the menu choice, and a thank-you for the rating and for its comment. */

let t: WhatsAppTestServer;
beforeEach(async () => {
  t = await startWhatsAppTestServer();
});
afterEach(async () => {
  await t.close();
});

let seconds = 0;
const text = (id: string, body: string, from = CONTACT_WA_ID) => ({
  from,
  id,
  timestamp: String(START_SECONDS + ++seconds),
  type: 'text',
  text: { body },
});

const sentTexts = () =>
  t.fake.sends().map((r) => (r.json as { text?: { body: string } }).text?.body ?? '(other)');

async function conversationOf(wamid: string) {
  const row = await t.h.db
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .select(['conversations.id', 'conversations.state'])
    .where('messages.channel_id', '=', WA_CHANNEL_ID)
    .where('messages.channel_message_id', '=', wamid)
    .executeTakeFirstOrThrow();
  return row;
}

/** Hello, Suporte, Ana takes, replies and closes; the contact is asked the CSAT question. */
async function closedAwaitingScore() {
  await t.inbound([text('wamid.HELLO', 'Olá')]);
  await t.inbound([text('wamid.PICK', '1')]);
  const { id } = await conversationOf('wamid.HELLO');
  const ana = await t.agent('ana@atendo.demo');
  await ana.client.conversation.take.mutate({ conversationId: id });
  await ana.client.conversation.sendText.mutate({ conversationId: id, clientId: 'r', text: 'Oi!' });
  await ana.client.conversation.close.mutate({
    conversationId: id,
    dispositionId: 'disp-duvida-produto',
  });
  await t.server.whatsappIdle();
  return id;
}

const conversationCount = async () =>
  (await t.h.db.selectFrom('conversations').select('id').execute()).length;

describe('WhatsApp tells the contact what the web chat widget shows', () => {
  it('confirms the queue after the bot menu choice', async () => {
    await t.inbound([text('wamid.HELLO', 'Olá')]);
    await t.inbound([text('wamid.PICK', '1')]);
    expect(sentTexts()).toEqual([botMenuText(DEMO_BOT_MENU), contactNotice('pt-BR', 'queued')]);
    expect(await conversationOf('wamid.HELLO')).toMatchObject({ state: 'queued' });
  });

  it('confirms the queue when the bot menu times out and routes the contact', async () => {
    await t.inbound([text('wamid.HELLO', 'Olá')]);
    t.h.clock.advance(DEMO_BOT_MENU.timeoutMs + 1);
    expect(await runTimers(t.server.deps, t.h.clock.now())).toMatchObject({ botTimedOut: 1 });
    await t.server.whatsappIdle();
    await t.server.deps.outbox.idle();
    await expect
      .poll(() => sentTexts())
      .toEqual([botMenuText(DEMO_BOT_MENU), contactNotice('pt-BR', 'queued')]);
    expect(await conversationOf('wamid.HELLO')).toMatchObject({ state: 'queued' });
  });

  it('confirms the queue on a number without a bot menu (WhatsApp Receptivo)', async () => {
    await t.inboundReceptivo([text('wamid.R1', 'Bom dia', '5511966665555')], '5511966665555');
    expect(sentTexts()).toEqual([contactNotice('pt-BR', 'queued')]);
  });

  it('takes the comment after the score within the window, and thanks for both', async () => {
    const id = await closedAwaitingScore();
    expect(sentTexts().at(-1)).toBe(csatPrompt('pt-BR'));
    const before = await conversationCount();
    await t.inbound([text('wamid.SCORE', '5')]);
    t.h.clock.advance(CSAT_COMMENT_WINDOW_MS - 60_000);
    await t.inbound([text('wamid.COMMENT', 'A Ana foi muito atenciosa')]);
    expect(sentTexts().slice(-2)).toEqual([
      contactNotice('pt-BR', 'csatThanks'),
      contactNotice('pt-BR', 'csatCommentThanks'),
    ]);
    expect(await conversationCount()).toBe(before);
    expect(await conversationOf('wamid.COMMENT')).toEqual({ id, state: 'closed' });
    const answer = await t.h.db
      .selectFrom('csat_answers')
      .select(['score', 'comment'])
      .where('conversation_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(answer).toEqual({ score: 5, comment: 'A Ana foi muito atenciosa' });
    // The comment is taken once: the next message is a new conversation in the bot menu.
    await t.inbound([text('wamid.AGAIN', 'Outra dúvida')]);
    expect((await conversationOf('wamid.AGAIN')).state).toBe('bot');
  });

  it('a score with its comment is thanked once, and the next message opens a new conversation', async () => {
    const id = await closedAwaitingScore();
    await t.inbound([text('wamid.SCORE', '4 - resolveu')]);
    expect(sentTexts().at(-1)).toBe(contactNotice('pt-BR', 'csatThanks'));
    await t.inbound([text('wamid.LATER', 'Oi de novo')]);
    expect((await conversationOf('wamid.LATER')).state).toBe('bot');
    const answer = await t.h.db
      .selectFrom('csat_answers')
      .select(['score', 'comment'])
      .where('conversation_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(answer).toEqual({ score: 4, comment: 'resolveu' });
  });

  it('a message after the comment window is a new conversation', async () => {
    await closedAwaitingScore();
    await t.inbound([text('wamid.SCORE', '5')]);
    t.h.clock.advance(CSAT_COMMENT_WINDOW_MS + 1);
    await t.inbound([text('wamid.LATE', 'Preciso de outra coisa')]);
    expect((await conversationOf('wamid.LATE')).state).toBe('bot');
    expect(sentTexts().at(-1)).toBe(botMenuText(DEMO_BOT_MENU));
  });
});
