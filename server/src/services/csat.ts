import { ensure } from '@atendo/shared/rules/decision';
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

/** The contact's 1–5 answer, arriving through a channel adapter or the web chat widget. */
export async function answerCsat(deps: Deps, input: CsatInput): Promise<Conversation> {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await requireConversation(trx, input.conversationId);
    return recordCsatAnswer(trx, deps, before, input, now);
  });
}
