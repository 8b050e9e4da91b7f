import { z } from 'zod';
import { Id } from '@atendo/shared/schemas/common';
import { closeConversation } from '../services/close-conversation';
import { monitoringList } from '../services/monitoring';
import { reassignConversation, sendBackToQueue } from '../services/transfer';
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
