import { z } from 'zod';
import { AdminTeam, TeamCreate, TeamIdInput, TeamUpdate } from '@atendo/shared/schemas/admin/teams';
import {
  archiveTeam,
  createTeam,
  listAdminTeams,
  restoreTeam,
  updateTeam,
} from '../../services/admin/teams';
import { adminProcedure, adminReadProcedure } from '../../trpc/admin-procedures';
import { router } from '../../trpc/trpc';

const ListInput = z
  .object({ includeArchived: z.boolean().default(false) })
  .default({ includeArchived: false });

/** admin.teams: teams, their members and queue settings. */
export const adminTeamsRouter = router({
  list: adminReadProcedure
    .input(ListInput)
    .output(z.array(AdminTeam))
    .query(({ ctx, input }) => listAdminTeams(ctx.deps, input)),

  create: adminProcedure
    .input(TeamCreate)
    .output(AdminTeam)
    .mutation(({ ctx, input }) => createTeam(ctx.deps, ctx.agent, input)),

  update: adminProcedure
    .input(TeamUpdate)
    .output(AdminTeam)
    .mutation(({ ctx, input }) => updateTeam(ctx.deps, ctx.agent, input)),

  /** Refused (team-in-use, naming the field) while a channel defaults to it or a bot option points to it. */
  archive: adminProcedure
    .input(TeamIdInput)
    .output(AdminTeam)
    .mutation(({ ctx, input }) => archiveTeam(ctx.deps, ctx.agent, input.teamId)),

  restore: adminProcedure
    .input(TeamIdInput)
    .output(AdminTeam)
    .mutation(({ ctx, input }) => restoreTeam(ctx.deps, ctx.agent, input.teamId)),
});
