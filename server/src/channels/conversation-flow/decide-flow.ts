import { canSendFreeMessage } from '@atendo/shared/rules/messaging-window';
import type { ChannelKind } from '@atendo/shared/schemas/channel';
import type { ConversationState } from '@atendo/shared/schemas/conversation';
import type { MessageKind } from '@atendo/shared/schemas/message';

/*
 * The parts of the contact dialogue that the server's inbound pipeline leaves to the channel
 * layer. The pipeline itself sends the bot menu, routes a valid option, repeats the menu on an
 * invalid one and records a parseable CSAT answer, atomically with storing the message; what
 * follows decides the rest. Decisions are pure; `run-flow.ts` carries them out.
 */

export type FlowEffect =
  /** An automatic CSAT question to the contact (no agent author). */
  | { type: 'ask-csat'; body: string }
  /** WhatsApp outside the 24 h window: the question must go as an approved template. */
  | { type: 'ask-csat-template' };

/** How many times an unparseable CSAT answer is met with the question again. */
export const CSAT_REASKS = 1;

export type AfterInboundFacts = {
  /** The conversation's state after the pipeline reacted to the message. */
  state: ConversationState;
  kind: MessageKind;
  /** Whether the text reads as a 1–5 answer (the pipeline records it, or it came too late). */
  isCsatAnswer: boolean;
  /** CSAT questions already sent in this conversation, the one at close included. */
  csatQuestionsSent: number;
  csatQuestion: string;
};

/**
 * A message that leaves the conversation awaiting CSAT was not an answer: ask once more, then
 * wait quietly for the answer or the team's timeout, so a chatty contact is not spammed.
 */
export function decideAfterInbound(facts: AfterInboundFacts): FlowEffect[] {
  if (facts.state !== 'awaiting_csat' || facts.isCsatAnswer) return [];
  if (facts.csatQuestionsSent > CSAT_REASKS) return [];
  return [{ type: 'ask-csat', body: facts.csatQuestion }];
}

/**
 * How the CSAT question reaches the contact at close: as text where the channel allows free
 * messages now, as a template on WhatsApp once the 24 h window has shut.
 */
export function csatQuestionDelivery(input: {
  channelKind: ChannelKind;
  lastInboundAt: number | null;
  now: number;
  csatQuestion: string;
}): FlowEffect {
  const window = canSendFreeMessage({
    channelKind: input.channelKind,
    lastInboundAt: input.lastInboundAt,
    now: input.now,
  });
  return window.ok ? { type: 'ask-csat', body: input.csatQuestion } : { type: 'ask-csat-template' };
}
