import { isAtendoError } from '@atendo/shared/errors';
import { parseCsatAnswer, csatPrompt } from '@atendo/shared/rules/csat';
import { canSendFreeMessage } from '@atendo/shared/rules/messaging-window';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Message } from '@atendo/shared/schemas/message';
import { loadConversation } from '../../repo/conversations';
import { loadChannel } from '../../repo/directory';
import type { Deps } from '../../services/deps';
import { decideAfterInbound, decideOwedMessages, type FlowEffect } from './decide-flow';
import { contactLocale, countFlowMessages, routeFromBot, sendAutomatic } from './flow-store';

/**
 * What the dialogue needs from the rest of the server. `answerCsat` is the server's CSAT
 * service; `sendCsatTemplate` is the WhatsApp template path for a shut window (until it is
 * provided, such a question is logged and left to the CSAT timeout).
 */
export type FlowHooks = {
  answerCsat: (
    deps: Deps,
    input: { conversationId: string; score: number; comment: string | null },
  ) => Promise<unknown>;
  sendCsatTemplate?: (deps: Deps, conversation: Conversation) => Promise<void>;
};

/** Runs the bot menu or the CSAT dialogue for an inbound message the server just stored. */
export async function afterInbound(
  deps: Deps,
  hooks: FlowHooks,
  input: { conversation: Conversation; message: Message; created: boolean },
): Promise<void> {
  const { conversation, message } = input;
  if (conversation.state !== 'bot' && conversation.state !== 'awaiting_csat') return;
  const channel = await loadChannel(deps.db, conversation.channelId);
  const locale = await contactLocale(deps.db, conversation.contactId);
  const menusSent = await countFlowMessages(deps.db, conversation.id, 'menu');
  const csatSent = await countFlowMessages(deps.db, conversation.id, 'csat');
  const effects = decideAfterInbound({
    state: conversation.state,
    menu: channel?.botMenu ?? null,
    // The first menu is owed to any bot conversation, whichever message opened it.
    created: input.created || menusSent === 0,
    text: message.kind === 'text' ? message.body : '',
    csatAnswer: message.kind === 'text' ? parseCsatAnswer(message.body) : null,
    csatQuestionsSent: csatSent,
    csatQuestion: csatPrompt(locale),
  });
  await apply(deps, hooks, conversation, effects, { menu: menusSent, csat: csatSent });
}

/** Sends what a conversation still owes the contact (first menu, CSAT question); idempotent. */
export async function settleOwedMessages(
  deps: Deps,
  hooks: FlowHooks,
  conversationId: string,
): Promise<void> {
  const conversation = await loadConversation(deps.db, conversationId);
  const channel = conversation ? await loadChannel(deps.db, conversation.channelId) : null;
  if (!conversation || !channel) return;
  const menusSent = await countFlowMessages(deps.db, conversation.id, 'menu');
  const csatSent = await countFlowMessages(deps.db, conversation.id, 'csat');
  const window = canSendFreeMessage({
    channelKind: channel.kind,
    lastInboundAt: conversation.lastInboundAt,
    now: deps.clock.now(),
  });
  const effects = decideOwedMessages({
    state: conversation.state,
    menu: channel.botMenu,
    channelKind: channel.kind,
    freeMessageAllowed: window.ok,
    menusSent,
    csatQuestionsSent: csatSent,
    csatQuestion: csatPrompt(await contactLocale(deps.db, conversation.contactId)),
  });
  await apply(deps, hooks, conversation, effects, { menu: menusSent, csat: csatSent });
}

async function apply(
  deps: Deps,
  hooks: FlowHooks,
  conversation: Conversation,
  effects: readonly FlowEffect[],
  sent: { menu: number; csat: number },
): Promise<void> {
  for (const effect of effects) {
    switch (effect.type) {
      case 'send-text':
        await sendAutomatic(deps, {
          conversationId: conversation.id,
          purpose: effect.purpose,
          body: effect.body,
          alreadySent: sent[effect.purpose],
        });
        break;
      case 'route-to-team':
        await routeFromBot(deps, { conversationId: conversation.id, teamId: effect.teamId });
        break;
      case 'record-csat':
        await recordCsat(deps, hooks, conversation, effect);
        break;
      case 'send-csat-template':
        if (hooks.sendCsatTemplate) await hooks.sendCsatTemplate(deps, conversation);
        else deps.logger.warn({ conversationId: conversation.id }, 'flow: no CSAT template path');
        break;
    }
  }
}

async function recordCsat(
  deps: Deps,
  hooks: FlowHooks,
  conversation: Conversation,
  answer: { score: number; comment: string | null },
): Promise<void> {
  try {
    await hooks.answerCsat(deps, { conversationId: conversation.id, ...answer });
  } catch (error) {
    // The deadline may pass between reading the state and recording: the answer is simply late.
    if (isAtendoError(error) && error.code === 'csat-not-pending') return;
    throw error;
  }
}
