import { Locale } from '@atendo/shared/schemas/common';
import type { Message } from '@atendo/shared/schemas/message';
import { loadContact } from '../../repo/contacts';
import { deliverMessage } from '../../services/delivery';
import { inTransaction, type Deps, type Tx } from '../../services/deps';
import { withLastMessage, writeConversation } from '../../services/conversation-writer';
import { requireConversation } from '../../services/lookup';

/**
 * Automatic CSAT questions carry the clientId `flow:csat:<n>`: the n-th question of the
 * conversation, so a concurrent second attempt to send the same one stores nothing.
 */
export const csatClientId = (n: number): string => `flow:csat:${n}`;

/** Matches the JSON of the close service's `csat-requested` system line. */
const CSAT_REQUESTED = '%"type":"csat-requested"%';

/**
 * How many CSAT questions the conversation has had: the close service asks the first one and
 * marks it with a `csat-requested` system line; re-asks are ours.
 */
export async function countCsatQuestions(db: Tx, conversationId: string): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('conversation_id', '=', conversationId)
    .where((eb) =>
      eb.or([eb('client_id', 'like', 'flow:csat:%'), eb('system', 'like', CSAT_REQUESTED)]),
    )
    .executeTakeFirst();
  return row?.n ?? 0;
}

/**
 * Stores an automatic CSAT question (no agent author) and hands it to the channel sender.
 * `alreadySent` is what the caller counted when it decided; when another run asked meanwhile,
 * the count inside this transaction differs and nothing is stored, so two messages arriving
 * together never make the contact get the question twice.
 */
export async function sendCsatQuestion(
  deps: Deps,
  input: { conversationId: string; body: string; alreadySent: number },
): Promise<Message | null> {
  const now = deps.clock.now();
  const stored = await inTransaction(deps, async (trx) => {
    const sent = await countCsatQuestions(trx, input.conversationId);
    if (sent !== input.alreadySent) return null;
    const clientId = csatClientId(sent + 1);
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
      clientId,
      createdAt: now,
      updatedAt: now,
    };
    const after = withLastMessage(conversation, message);
    await writeConversation(trx, { before: conversation, after, messages: [message] });
    return message;
  });
  return stored ? await deliverMessage(deps, stored.id) : null;
}

/** Where a channel adapter remembers the contact's language (the web chat form sends it). */
export const LOCALE_FIELD = 'locale';

/** The contact's language for automatic messages; Brazilian Portuguese unless known otherwise. */
export async function contactLocale(db: Tx, contactId: string): Promise<Locale> {
  const contact = await loadContact(db, contactId);
  const parsed = Locale.safeParse(contact?.customFields[LOCALE_FIELD]);
  return parsed.success ? parsed.data : 'pt-BR';
}
