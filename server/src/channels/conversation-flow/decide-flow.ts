import { botMenuText, botReply } from '@atendo/shared/rules/bot-menu';
import type { BotMenu, ChannelKind } from '@atendo/shared/schemas/channel';
import type { ConversationState } from '@atendo/shared/schemas/conversation';

/**
 * The channel-independent dialogue with the contact: the bot menu before a team takes over and
 * the satisfaction question after close. Decisions are pure; `run-flow.ts` carries them out.
 */
export type FlowEffect =
  /** An automatic message to the contact (no agent author); `purpose` keeps retries idempotent. */
  | { type: 'send-text'; purpose: 'menu' | 'csat'; body: string }
  | { type: 'route-to-team'; teamId: string; optionKey: string }
  | { type: 'record-csat'; score: number; comment: string | null }
  /** WhatsApp outside the 24 h window: the question must go as an approved template. */
  | { type: 'send-csat-template' };

export type CsatAnswer = { score: number; comment: string | null };

/** How many times we re-ask an unparseable CSAT answer before staying silent until timeout. */
export const CSAT_REASKS = 1;

export type InboundFacts = {
  state: ConversationState;
  menu: BotMenu | null;
  /** This inbound message opened the conversation. */
  created: boolean;
  text: string;
  /** The contact's text read as a CSAT answer, or null when it is not one. */
  csatAnswer: CsatAnswer | null;
  /** Automatic CSAT questions already sent in this conversation. */
  csatQuestionsSent: number;
  csatQuestion: string;
};

/** What to do after an inbound message was stored. */
export function decideAfterInbound(facts: InboundFacts): FlowEffect[] {
  if (facts.state === 'bot') return decideBot(facts);
  if (facts.state === 'awaiting_csat') return decideCsat(facts);
  return [];
}

function decideBot({ menu, created, text }: InboundFacts): FlowEffect[] {
  // A bot conversation on a channel whose menu was removed meanwhile is left to the timeout.
  if (menu === null) return [];
  if (created) return [{ type: 'send-text', purpose: 'menu', body: botMenuText(menu) }];
  const reply = botReply(menu, text);
  if (reply.kind === 'route') {
    return [{ type: 'route-to-team', teamId: reply.teamId, optionKey: reply.option.key }];
  }
  return [
    { type: 'send-text', purpose: 'menu', body: `${menu.invalidReply}\n${botMenuText(menu)}` },
  ];
}

function decideCsat(facts: InboundFacts): FlowEffect[] {
  if (facts.csatAnswer) return [{ type: 'record-csat', ...facts.csatAnswer }];
  // Asked once at close and re-asked once; after that we wait quietly for the timeout.
  if (facts.csatQuestionsSent <= CSAT_REASKS) {
    return [{ type: 'send-text', purpose: 'csat', body: facts.csatQuestion }];
  }
  return [];
}

export type ConversationFacts = {
  state: ConversationState;
  menu: BotMenu | null;
  channelKind: ChannelKind;
  /** Whether free text may reach the contact now (WhatsApp's window; always true elsewhere). */
  freeMessageAllowed: boolean;
  menusSent: number;
  csatQuestionsSent: number;
  csatQuestion: string;
};

/**
 * What a conversation still owes the contact, whatever caused the change: the menu when it sits
 * in the bot without one, the question when it awaits CSAT without one. Idempotent by design, so
 * it may run after every change without sending anything twice.
 */
export function decideOwedMessages(facts: ConversationFacts): FlowEffect[] {
  if (facts.state === 'bot' && facts.menu !== null && facts.menusSent === 0) {
    return [{ type: 'send-text', purpose: 'menu', body: botMenuText(facts.menu) }];
  }
  if (facts.state === 'awaiting_csat' && facts.csatQuestionsSent === 0) {
    if (!facts.freeMessageAllowed) return [{ type: 'send-csat-template' }];
    return [{ type: 'send-text', purpose: 'csat', body: facts.csatQuestion }];
  }
  return [];
}
