import { AtendoError } from '@atendo/shared/errors';
import { authedProcedure } from './trpc';

/**
 * The administration's base procedures. Admins change the organisation; supervisors may read
 * everything the admin console shows (never a secret: outputs are parsed through the shared
 * admin schemas, which only say whether a secret is set) but change nothing; agents neither.
 */
export const adminReadProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.agent.role === 'agent') {
    throw new AtendoError('forbidden', 'supervisors and admins only', { role: ctx.agent.role });
  }
  return next();
});

export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.agent.role !== 'admin') {
    throw new AtendoError('forbidden', 'admins only', { role: ctx.agent.role });
  }
  return next();
});
