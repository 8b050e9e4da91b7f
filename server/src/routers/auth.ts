import { z } from 'zod';
import { Presence } from '@atendo/shared/schemas/agent';
import { changePassword } from '../auth/change-password';
import { loginLimiterFor } from '../auth/login-limits';
import { login, logout } from '../auth/sessions';
import { loadAgent } from '../repo/directory';
import { recordChange } from '../feed/change-feed';
import { inTransaction } from '../services/deps';
import type { Context } from '../trpc/context';
import { authedProcedure, publicProcedure, router } from '../trpc/trpc';

const limiter = (ctx: Context) =>
  loginLimiterFor(ctx.deps.db, ctx.config.loginLimits, ctx.deps.logger);

export const authRouter = router({
  login: publicProcedure
    .input(
      z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) }),
    )
    .mutation(({ ctx, input }) =>
      limiter(ctx).attempt({ email: input.email, ip: ctx.ip }, () =>
        login(ctx.deps.db, { ...input, now: ctx.deps.clock.now(), ttlMs: ctx.config.sessionTtlMs }),
      ),
    ),

  /**
   * Sets a new password with the current one (also the temporary one that made auth.login answer
   * `password-change-required`); answers like auth.login, signed in with the new password.
   */
  changePassword: publicProcedure
    .input(
      z.object({
        email: z.string().trim().min(3).max(254),
        currentPassword: z.string().min(1).max(200),
        newPassword: z.string().min(1).max(200),
      }),
    )
    // The current password is checked like a sign-in's, so it is limited the same way.
    .mutation(({ ctx, input }) =>
      limiter(ctx).attempt({ email: input.email, ip: ctx.ip }, () =>
        changePassword(ctx.deps, ctx.config, input),
      ),
    ),

  logout: authedProcedure.mutation(async ({ ctx }) => {
    if (ctx.token !== null) await logout(ctx.deps.db, ctx.token);
    return { ok: true as const };
  }),

  me: authedProcedure.query(({ ctx }) => ctx.agent),

  setPresence: authedProcedure
    .input(z.object({ presence: Presence }))
    .mutation(async ({ ctx, input }) => {
      const now = ctx.deps.clock.now();
      await inTransaction(ctx.deps, async (trx) => {
        await trx
          .updateTable('agents')
          .set({ presence: input.presence, updated_at: now })
          .where('id', '=', ctx.agent.id)
          .execute();
        await recordChange(trx, {
          collection: 'agent',
          docId: ctx.agent.id,
          grants: ['all'],
          revokes: [],
          at: now,
        });
      });
      return loadAgent(ctx.deps.db, ctx.agent.id);
    }),
});
