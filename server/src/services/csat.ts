import { AtendoError } from '@atendo/shared/errors';
import { ensure } from '@atendo/shared/rules/decision';
import { supervises } from '@atendo/shared/rules/permissions';
import type { Agent } from '@atendo/shared/schemas/agent';
import { canAnswerCsat } from '@atendo/shared/rules/csat';
import { nextState } from '@atendo/shared/rules/lifecycle';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import { inTransaction, type Deps, type Tx } from './deps';
import { systemMessage, writeConversation } from './conversation-writer';
import { requireConversation } from './lookup';

export type CsatInput = { conversationId: string; score: number; comment: string | null };

/** Records the contact's score inside an open transaction; the conversation closes. */
export async function recordCsatAnswer(
  trx: Tx,
  deps: Deps,
  before: Conversation,
  input: CsatInput,
  now: number,
): Promise<Conversation> {
  ensure(canAnswerCsat(before, now));
  const { to } = ensure(nextState(before.state, 'csat-answered'));
  await trx
    .insertInto('csat_answers')
    .values({
      conversation_id: before.id,
      score: input.score,
      comment: input.comment,
      answered_at: now,
    })
    .execute();
  const after: Conversation = {
    ...before,
    state: to,
    closedAt: now,
    csatDeadline: null,
    updatedAt: now,
  };
  const event = { type: 'csat-answered' as const, score: input.score };
  await writeConversation(trx, {
    before,
    after,
    messages: [systemMessage(deps.newId(), after.id, event, now)],
  });
  return after;
}

/** The contact's own 1–5 answer, from a channel adapter (web chat widget, WhatsApp reply). */
export async function answerCsat(deps: Deps, input: CsatInput): Promise<Conversation> {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await requireConversation(trx, input.conversationId);
    return recordCsatAnswer(trx, deps, before, input, now);
  });
}

/**
 * The contact's answer recorded by an agent (read out on a call, typed from another channel):
 * only the agent who served it, the conversation's team or a supervisor may record it.
 */
export async function answerCsatForContact(
  deps: Deps,
  actor: Agent,
  input: CsatInput,
): Promise<Conversation> {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await requireConversation(trx, input.conversationId);
    const inScope =
      supervises(actor) || before.ownerId === actor.id || actor.teamIds.includes(before.teamId);
    if (!inScope) {
      throw new AtendoError('forbidden', 'not your team conversation', { teamId: before.teamId });
    }
    return recordCsatAnswer(trx, deps, before, input, now);
  });
}
