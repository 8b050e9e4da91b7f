import { csatPrompt, parseCsatAnswer } from '@atendo/shared/rules/csat';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Message } from '@atendo/shared/schemas/message';
import type { Deps } from '../../services/deps';
import { decideAfterInbound } from './decide-flow';
import { contactLocale, countCsatQuestions, sendCsatQuestion } from './flow-store';

/**
 * Runs the channel-independent dialogue for an inbound message the server has just stored and
 * reacted to (`receiveInboundMessage`). Channel adapters call it right after; a redelivered
 * message (created: false) changes nothing.
 */
export async function afterInbound(
  deps: Deps,
  input: { conversation: Conversation; message: Message; created: boolean },
): Promise<void> {
  const { conversation, message } = input;
  if (!input.created || conversation.state !== 'awaiting_csat') return;
  const alreadySent = await countCsatQuestions(deps.db, conversation.id);
  const effects = decideAfterInbound({
    state: conversation.state,
    kind: message.kind,
    isCsatAnswer: message.kind === 'text' && parseCsatAnswer(message.body) !== null,
    csatQuestionsSent: alreadySent,
    csatQuestion: csatPrompt(await contactLocale(deps.db, conversation.contactId)),
  });
  for (const effect of effects) {
    if (effect.type === 'ask-csat') {
      await sendCsatQuestion(deps, {
        conversationId: conversation.id,
        body: effect.body,
        alreadySent,
      });
    }
  }
}
