import { z } from 'zod';
import { Id } from '@atendo/shared/schemas/common';
import { closeConversation } from '../services/close-conversation';
import { monitoringList, monitoringRead } from '../services/monitoring';
import { joinConversation } from '../services/participants';
import { reassignConversation, sendBackToQueue } from '../services/transfer';
import { audited } from '../privacy/audited';
import { router, supervisorProcedure } from '../trpc/trpc';

export const monitoringRouter = router({
  list: supervisorProcedure
    .input(
      z
        .object({
          teamId: Id.nullable().default(null),
          agentId: Id.nullable().default(null),
          state: z.enum(['bot', 'queued', 'active', 'awaiting_csat']).nullable().default(null),
          channelId: Id.nullable().default(null),
          minWaitingMs: z.number().int().nonnegative().nullable().default(null),
        })
        .default({ teamId: null, agentId: null, state: null, channelId: null, minWaitingMs: null }),
    )
    .query(({ ctx, input }) => monitoringList(ctx.deps, ctx.agent, input)),

  /**
   * A supervisor opens a live conversation they do not serve. The timeline itself is in their
   * local store already (the monitor audience); this read is what the access log records.
   */
  read: supervisorProcedure.input(z.object({ conversationId: Id })).query(({ ctx, input }) =>
    audited(
      ctx,
      {
        action: 'monitoring.read',
        entityType: 'conversation',
        entityId: input.conversationId,
        conversationId: input.conversationId,
      },
      () => monitoringRead(ctx.deps, ctx.agent, input.conversationId),
      (conversation) => ({ contactId: conversation.contactId }),
    ),
  ),

  /** The supervisor joins as a participant, to write in it. */
  join: supervisorProcedure
    .input(z.object({ conversationId: Id }))
    .mutation(({ ctx, input }) => joinConversation(ctx.deps, ctx.agent, input.conversationId)),

  forceClose: supervisorProcedure
    .input(z.object({ conversationId: Id }))
    .mutation(({ ctx, input }) =>
      closeConversation(ctx.deps, ctx.agent, {
        conversationId: input.conversationId,
        dispositionId: null,
        forced: true,
      }),
    ),

  sendBackToQueue: supervisorProcedure
    .input(z.object({ conversationId: Id, teamId: Id.nullable().default(null) }))
    .mutation(({ ctx, input }) => sendBackToQueue(ctx.deps, ctx.agent, input)),

  reassign: supervisorProcedure
    .input(z.object({ conversationId: Id, agentId: Id }))
    .mutation(({ ctx, input }) => reassignConversation(ctx.deps, ctx.agent, input)),
});
