import { AtendoError } from '@atendo/shared/errors';
import { ensure } from '@atendo/shared/rules/decision';
import { isOpenState } from '@atendo/shared/rules/lifecycle';
import { canTag } from '@atendo/shared/rules/permissions';
import type { Agent } from '@atendo/shared/schemas/agent';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import { inTransaction, type Deps } from './deps';
import { systemMessage, writeConversation } from './conversation-writer';
import { requireConversation } from './lookup';

/** Adds or removes one of the conversation team's tags; adding twice or removing an absent tag changes nothing. */
export async function changeTag(
  deps: Deps,
  actor: Agent,
  input: { conversationId: string; tagId: string; add: boolean },
): Promise<Conversation> {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await requireConversation(trx, input.conversationId);
    ensure(canTag(actor, before));
    if (!isOpenState(before.state)) {
      throw new AtendoError('invalid-transition', 'closed conversations keep their tags', {
        from: before.state,
        event: 'tag',
      });
    }
    const tag = await trx
      .selectFrom('tags')
      .select(['id', 'team_id', 'active'])
      .where('id', '=', input.tagId)
      .executeTakeFirst();
    if (!tag)
      throw new AtendoError('not-found', 'tag not found', { entity: 'tag', id: input.tagId });
    if (tag.team_id !== before.teamId) {
      throw new AtendoError('tag-not-in-team', 'the tag belongs to another team', {
        tagId: tag.id,
        teamId: before.teamId,
      });
    }
    const has = before.tagIds.includes(tag.id);
    if (has === input.add) return before;
    // An archived tag can still be taken off, never put on.
    if (input.add && tag.active === 0) {
      throw new AtendoError('invalid-input', 'the tag is archived', {
        field: 'tagId',
        tagId: tag.id,
      });
    }
    const after: Conversation = {
      ...before,
      tagIds: input.add ? [...before.tagIds, tag.id] : before.tagIds.filter((id) => id !== tag.id),
      updatedAt: now,
    };
    const event = input.add
      ? { type: 'tag-added' as const, byAgentId: actor.id, tagId: tag.id }
      : { type: 'tag-removed' as const, byAgentId: actor.id, tagId: tag.id };
    await writeConversation(trx, {
      before,
      after,
      messages: [systemMessage(deps.newId(), after.id, event, now, actor.id)],
    });
    return after;
  });
}
