import { AtendoError } from '@atendo/shared/errors';
import { canTake } from '@atendo/shared/rules/permissions';
import type { Agent } from '@atendo/shared/schemas/agent';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import { inTransaction, type Deps, type Tx } from './deps';
import { systemMessage, writeConversation } from './conversation-writer';
import { agentName, requireConversation } from './lookup';

const alreadyTaken = async (trx: Tx, ownerId: string | null): Promise<AtendoError> =>
  new AtendoError('already-taken', 'another agent took it first', {
    ownerId,
    ownerName: await agentName(trx, ownerId),
  });

/**
 * Takes a queued conversation. The claim is one conditional UPDATE (`… WHERE state='queued'`),
 * so of any number of agents clicking at once exactly one changes a row; the others are told
 * who won.
 */
export async function takeConversation(
  deps: Deps,
  actor: Agent,
  conversationId: string,
): Promise<Conversation> {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await requireConversation(trx, conversationId);
    const decision = canTake(actor, before);
    if (!decision.ok) {
      if (decision.reason === 'already-taken') throw await alreadyTaken(trx, before.ownerId);
      throw new AtendoError(decision.reason, decision.reason, decision.details);
    }
    const claimed = await trx
      .updateTable('conversations')
      .set({ owner_id: actor.id, state: 'active', queued_at: null, updated_at: now })
      .where('id', '=', conversationId)
      .where('state', '=', 'queued')
      .executeTakeFirst();
    if (claimed.numUpdatedRows !== 1n) {
      const current = await requireConversation(trx, conversationId);
      throw await alreadyTaken(trx, current.ownerId);
    }
    const after: Conversation = {
      ...before,
      ownerId: actor.id,
      state: 'active',
      queuedAt: null,
      participantIds: before.participantIds.filter((id) => id !== actor.id),
      updatedAt: now,
    };
    const taken = systemMessage(
      deps.newId(),
      after.id,
      { type: 'taken', agentId: actor.id },
      now,
      actor.id,
    );
    await writeConversation(trx, { before, after, messages: [taken] });
    return after;
  });
}
