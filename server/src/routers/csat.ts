import { z } from 'zod';
import { Id } from '@atendo/shared/schemas/common';
import { CsatScore } from '@atendo/shared/schemas/catalog';
import { answerCsatForContact } from '../services/csat';
import { authedProcedure, router } from '../trpc/trpc';

/**
 * Records a contact's score given outside the channel's own flow (an agent reading it from a
 * call, the web chat widget through its server). WhatsApp answers arrive as inbound messages.
 */
export const csatRouter = router({
  answer: authedProcedure
    .input(
      z.object({
        conversationId: Id,
        score: CsatScore,
        comment: z.string().trim().max(1000).nullable().default(null),
      }),
    )
    .mutation(({ ctx, input }) => answerCsatForContact(ctx.deps, ctx.agent, input)),
});
