import { ensure } from '@atendo/shared/rules/decision';
import { closeDecision, type CloseOutcome } from '@atendo/shared/rules/close-conversation';
import { nextState } from '@atendo/shared/rules/lifecycle';
import { canClose, canForceClose } from '@atendo/shared/rules/permissions';
import type { Agent } from '@atendo/shared/schemas/agent';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import { dispositionFromRow } from '../repo/catalog';
import { csatQuestion } from './csat-question';
import { deliverMessage } from './delivery';
import { inTransaction, type Deps, type Tx } from './deps';
import { systemMessage, withLastMessage, writeConversation } from './conversation-writer';
import { requireConversation, requireTeam } from './lookup';

export type CloseInput = { conversationId: string; dispositionId: string | null; forced: boolean };

/** Where the close leads, per the lifecycle and the team's disposition and CSAT settings. */
async function decideClose(
  trx: Tx,
  before: Conversation,
  input: CloseInput,
  now: number,
): Promise<CloseOutcome> {
  const team = await requireTeam(trx, before.teamId);
  const event = input.forced ? 'force-close' : 'close';
  ensure(nextState(before.state, event, { csatEnabled: team.settings.csatEnabled }));
  const rows = await trx
    .selectFrom('dispositions')
    .selectAll()
    .where('team_id', '=', team.id)
    .execute();
  return ensure(
    closeDecision({
      team: team.settings,
      dispositionId: input.dispositionId,
      dispositions: rows.map(dispositionFromRow),
      now,
      forced: input.forced,
    }),
  );
}

/**
 * Closes a conversation: with the team's disposition rule, then CSAT when the team asks for it.
 * A supervisor's forced close needs no disposition and asks nothing.
 */
export async function closeConversation(
  deps: Deps,
  actor: Agent,
  input: CloseInput,
): Promise<Conversation> {
  const now = deps.clock.now();
  const result = await inTransaction(deps, async (trx) => {
    const before = await requireConversation(trx, input.conversationId);
    ensure(input.forced ? canForceClose(actor) : canClose(actor, before));
    const outcome = await decideClose(trx, before, input, now);
    const closed = outcome.nextState === 'closed';
    let after: Conversation = {
      ...before,
      state: outcome.nextState,
      dispositionId: outcome.dispositionId,
      csatDeadline: outcome.csatDeadline,
      closedAt: closed ? now : null,
      queuedAt: null,
      botDeadline: null,
      updatedAt: now,
    };
    const { dispositionId } = outcome;
    const event = {
      type: 'closed' as const,
      byAgentId: actor.id,
      dispositionId,
      forced: input.forced,
    };
    const messages = [systemMessage(deps.newId(), after.id, event, now, actor.id)];
    const question = closed ? null : await csatQuestion(trx, after, deps.newId(), now);
    if (question) {
      messages.push(
        systemMessage(deps.newId(), after.id, { type: 'csat-requested' }, now),
        question,
      );
      after = withLastMessage(after, question);
    }
    await writeConversation(trx, { before, after, messages });
    return { conversation: after, questionId: question?.id ?? null };
  });
  if (result.questionId !== null) await deliverMessage(deps, result.questionId);
  return result.conversation;
}
