import { AtendoError } from '@atendo/shared/errors';
import type { Agent } from '@atendo/shared/schemas/agent';
import { PullInput } from '@atendo/shared/sync/protocol';
import type { Deps } from '../services/deps';
import { loadAgent } from '../repo/directory';
import { authedProcedure, router } from '../trpc/trpc';
import { pullCollection } from './pull';

/**
 * The signed-in agent as the database has it now, so a pull always uses the agent's current
 * scope. The live stream is not here: it is a plain websocket (stream-socket.ts).
 */
async function currentAgent(deps: Deps, agent: Agent): Promise<Agent> {
  const fresh = await loadAgent(deps.db, agent.id);
  if (fresh === null) throw new AtendoError('unauthenticated', 'the agent no longer exists');
  return fresh;
}

const pull = authedProcedure.input(PullInput).query(async ({ ctx, input }) =>
  pullCollection(ctx.deps.db, await currentAgent(ctx.deps, ctx.agent), input, {
    now: ctx.deps.clock.now(),
    settings: ctx.config.syncWorkingSet,
  }),
);

export const syncRouter = router({ pull });
