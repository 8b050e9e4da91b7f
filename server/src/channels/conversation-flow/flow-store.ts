import { ensure } from '@atendo/shared/rules/decision';
import { nextState } from '@atendo/shared/rules/lifecycle';
import { Locale } from '@atendo/shared/schemas/common';
import type { Message } from '@atendo/shared/schemas/message';
import { loadContact } from '../../repo/contacts';
import { deliverMessage } from '../../services/delivery';
import { inTransaction, type Deps, type Tx } from '../../services/deps';
import {
  systemMessage,
  withLastMessage,
  writeConversation,
} from '../../services/conversation-writer';
import { requireConversation } from '../../services/lookup';

/**
 * Automatic messages carry a clientId `flow:<purpose>:<n>`: the n-th menu or CSAT question of
 * the conversation. Counting them tells the dialogue what it already said, and the unique n
 * makes a concurrent second attempt to send the same one a no-op.
 */
export type FlowPurpose = 'menu' | 'csat';

export const flowClientId = (purpose: FlowPurpose, n: number): string => `flow:${purpose}:${n}`;

/**
 * How many menus or CSAT questions the conversation has had. The close service asks the first
 * CSAT question itself and marks it with a `csat-requested` system line, which counts too.
 */
export async function countFlowMessages(
  db: Tx,
  conversationId: string,
  purpose: FlowPurpose,
): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('conversation_id', '=', conversationId)
    .where((eb) => {
      const ours = eb('client_id', 'like', `flow:${purpose}:%`);
      return purpose === 'csat' ? eb.or([ours, eb('system', 'like', CSAT_REQUESTED)]) : ours;
    })
    .executeTakeFirst();
  return row?.n ?? 0;
}

/** Matches the JSON of the close service's `csat-requested` system line. */
export const CSAT_REQUESTED = '%"type":"csat-requested"%';

/**
 * Stores an automatic outbound message (no agent author) and hands it to the channel sender.
 * `alreadySent` is what the caller counted when it decided; if another run sent one meanwhile,
 * nothing is stored, so the contact never gets the same automatic message twice.
 */
export async function sendAutomatic(
  deps: Deps,
  input: { conversationId: string; purpose: FlowPurpose; body: string; alreadySent: number },
): Promise<Message | null> {
  const now = deps.clock.now();
  const stored = await inTransaction(deps, async (trx) => {
    const sent = await countFlowMessages(trx, input.conversationId, input.purpose);
    if (sent !== input.alreadySent) return null;
    const conversation = await requireConversation(trx, input.conversationId);
    const message: Message = {
      id: deps.newId(),
      conversationId: conversation.id,
      direction: 'outbound',
      kind: 'text',
      authorAgentId: null,
      body: input.body.slice(0, 4096),
      attachments: [],
      template: null,
      system: null,
      status: 'queued',
      error: null,
      channelMessageId: null,
      clientId: flowClientId(input.purpose, sent + 1),
      createdAt: now,
      updatedAt: now,
    };
    const after = withLastMessage(conversation, message);
    await writeConversation(trx, { before: conversation, after, messages: [message] });
    return message;
  });
  return stored ? await deliverMessage(deps, stored.id) : null;
}

/** Moves a conversation out of the bot into the chosen team's queue; false when it already left. */
export async function routeFromBot(
  deps: Deps,
  input: { conversationId: string; teamId: string },
): Promise<boolean> {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const conversation = await requireConversation(trx, input.conversationId);
    if (conversation.state !== 'bot') return false;
    const { to } = ensure(nextState('bot', 'bot-routed'));
    const event = systemMessage(
      deps.newId(),
      conversation.id,
      { type: 'queued', teamId: input.teamId },
      now,
    );
    const after = {
      ...conversation,
      state: to,
      teamId: input.teamId,
      queuedAt: now,
      botDeadline: null,
      updatedAt: now,
    };
    await writeConversation(trx, { before: conversation, after, messages: [event] });
    return true;
  });
}

/** Where a channel adapter remembers the contact's language (the web chat form sends it). */
export const LOCALE_FIELD = 'locale';

/** The contact's language for automatic messages; Brazilian Portuguese unless known otherwise. */
export async function contactLocale(db: Tx, contactId: string): Promise<Locale> {
  const contact = await loadContact(db, contactId);
  const parsed = Locale.safeParse(contact?.customFields[LOCALE_FIELD]);
  return parsed.success ? parsed.data : 'pt-BR';
}
