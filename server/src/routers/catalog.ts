import {
  listAgents,
  listChannels,
  listDispositions,
  listTags,
  listTeams,
  listTemplates,
} from '../services/catalog';
import { authedProcedure, router } from '../trpc/trpc';

export const catalogRouter = router({
  teams: authedProcedure.query(({ ctx }) => listTeams(ctx.deps)),
  agents: authedProcedure.query(({ ctx }) => listAgents(ctx.deps)),
  channels: authedProcedure.query(({ ctx }) => listChannels(ctx.deps)),
  templates: authedProcedure.query(({ ctx }) => listTemplates(ctx.deps, ctx.agent)),
  tags: authedProcedure.query(({ ctx }) => listTags(ctx.deps, ctx.agent)),
  dispositions: authedProcedure.query(({ ctx }) => listDispositions(ctx.deps, ctx.agent)),
});
