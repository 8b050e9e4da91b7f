import { AtendoError } from '@atendo/shared/errors';
import type { Agent } from '@atendo/shared/schemas/agent';
import { PullInput } from '@atendo/shared/sync/protocol';
import type { Deps } from '../services/deps';
import { loadAgent } from '../repo/directory';
import { authedProcedure, router } from '../trpc/trpc';
import { fanoutFor } from './fanout';
import { pullCollection } from './pull';
import { streamChanges } from './stream';

/**
 * The signed-in agent as the database has it now. A websocket connection authenticates once,
 * so the context's copy can predate a move between teams; the scope is always taken from here.
 */
async function currentAgent(deps: Deps, agent: Agent): Promise<Agent> {
  const fresh = await loadAgent(deps.db, agent.id);
  if (fresh === null) throw new AtendoError('unauthenticated', 'the agent no longer exists');
  return fresh;
}

const pull = authedProcedure
  .input(PullInput)
  .query(async ({ ctx, input }) =>
    pullCollection(ctx.deps.db, await currentAgent(ctx.deps, ctx.agent), input),
  );

const stream = authedProcedure.subscription(async function* ({ ctx, signal }) {
  const { db, feed, logger } = ctx.deps;
  const agent = await currentAgent(ctx.deps, ctx.agent);
  yield* streamChanges(fanoutFor(db, feed, logger), agent, signal);
});

export const syncRouter = router({ pull, stream });
