import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Message } from '@atendo/shared/schemas/message';
import { recordChange } from '../feed/change-feed';
import { loadConversation } from '../repo/conversations';
import { systemMessage, writeConversation } from '../services/conversation-writer';
import { inTransaction } from '../services/deps';
import { insertTag } from '../services/directory-writer';
import type { TestApp } from './test-harness';

/*
 * Writes for the sync tests, through the same writers the services use, so every one lands in
 * the change feed with the audience production code gives it, and wakes live streams.
 */

export const inbound = (id: string, conversationId: string, at: number): Message => ({
  ...systemMessage(id, conversationId, { type: 'started', agentId: null }, at),
  direction: 'inbound',
  kind: 'text',
  body: `hello from ${conversationId}`,
  system: null,
  status: 'delivered',
});

type OpenSpec = Pick<Conversation, 'id' | 'contactId' | 'channelId' | 'teamId'> &
  Partial<Pick<Conversation, 'state' | 'ownerId'>>;

/** A new open conversation (queued unless said otherwise) with one inbound message. */
export async function openConversation(app: TestApp, spec: OpenSpec): Promise<Conversation> {
  const at = app.clock.now();
  const conversation: Conversation = {
    ownerId: null,
    state: 'queued',
    ...spec,
    participantIds: [],
    tagIds: [],
    dispositionId: null,
    lastInboundAt: at,
    lastMessageAt: at,
    lastMessagePreview: 'hello',
    createdAt: at,
    queuedAt: at,
    closedAt: null,
    csatDeadline: null,
    botDeadline: null,
    updatedAt: at,
  };
  const message = inbound(`${spec.id}-m0`, spec.id, at);
  await inTransaction(app.deps, (trx) =>
    writeConversation(trx, { before: null, after: conversation, messages: [message] }),
  );
  return conversation;
}

/** Appends one inbound message to a conversation. */
export async function addMessage(app: TestApp, conversationId: string, id: string): Promise<void> {
  await inTransaction(app.deps, async (trx) => {
    const before = await loadConversation(trx, conversationId);
    if (before === null) throw new Error(`no conversation ${conversationId}`);
    const at = app.clock.now();
    const after = { ...before, lastInboundAt: at, lastMessageAt: at, updatedAt: at };
    await writeConversation(trx, { before, after, messages: [inbound(id, conversationId, at)] });
  });
}

/** Hands a conversation to another agent and team, as a transfer does. */
export async function transfer(
  app: TestApp,
  conversationId: string,
  to: { agentId: string; teamId: string },
): Promise<void> {
  await inTransaction(app.deps, async (trx) => {
    const before = await loadConversation(trx, conversationId);
    if (before === null) throw new Error(`no conversation ${conversationId}`);
    const at = app.clock.now();
    const after: Conversation = {
      ...before,
      ownerId: to.agentId,
      teamId: to.teamId,
      state: 'active',
      queuedAt: null,
      updatedAt: at,
    };
    const event = {
      type: 'transferred' as const,
      fromAgentId: before.ownerId,
      toAgentId: to.agentId,
      toTeamId: to.teamId,
      note: null,
    };
    const line = systemMessage(`${conversationId}-transfer-${at}`, conversationId, event, at);
    await writeConversation(trx, { before, after, messages: [line] });
  });
}

export async function addTag(app: TestApp, id: string, teamId: string): Promise<void> {
  await addTags(app, [id], teamId);
}

/** Several tags in one commit, so a live stream receives them in one frame. */
export async function addTags(app: TestApp, ids: readonly string[], teamId: string): Promise<void> {
  const updatedAt = app.clock.now();
  await inTransaction(app.deps, async (trx) => {
    for (const id of ids) {
      await insertTag(trx, { id, teamId, name: `tag ${id}`, color: '#123456', updatedAt });
    }
  });
}

/** Moves an agent to other teams, recording the agent change an admin edit would. */
export async function moveAgent(app: TestApp, agentId: string, teamIds: string[]): Promise<void> {
  await inTransaction(app.deps, async (trx) => {
    const at = app.clock.now();
    await trx.deleteFrom('agent_teams').where('agent_id', '=', agentId).execute();
    for (const teamId of teamIds) {
      await trx.insertInto('agent_teams').values({ agent_id: agentId, team_id: teamId }).execute();
    }
    await trx.updateTable('agents').set({ updated_at: at }).where('id', '=', agentId).execute();
    await recordChange(trx, {
      collection: 'agent',
      docId: agentId,
      grants: ['all'],
      revokes: [],
      at,
    });
  });
}

/** Closes a conversation, as an agent finishing it without a CSAT question would. */
export async function closeConversation(app: TestApp, conversationId: string): Promise<void> {
  await inTransaction(app.deps, async (trx) => {
    const before = await loadConversation(trx, conversationId);
    if (before === null) throw new Error(`no conversation ${conversationId}`);
    const at = app.clock.now();
    const after: Conversation = { ...before, state: 'closed', closedAt: at, updatedAt: at };
    const event = {
      type: 'closed' as const,
      byAgentId: before.ownerId ?? 'agent-ana',
      dispositionId: null,
      forced: false,
    };
    const line = systemMessage(`${conversationId}-closed`, conversationId, event, at);
    await writeConversation(trx, { before, after, messages: [line] });
  });
}
