import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import {
  AtendoError,
  isAtendoError,
  type ErrorCode,
  type ErrorDetails,
} from '@atendo/shared/errors';
import type { Agent } from '@atendo/shared/schemas/agent';
import type { Context } from './context';
import { trpcCodeFor } from './errors';
import { BATCH_TOO_LARGE_MESSAGE } from './http';

export type ErrorData = {
  atendoCode: ErrorCode;
  details: ErrorDetails;
  issues?: { path: string; message: string }[];
};

/** The stable code and details a failed procedure reports to clients. */
export function atendoData(error: TRPCError): ErrorData {
  const cause = error.cause;
  if (isAtendoError(cause)) return { atendoCode: cause.code, details: cause.details };
  if (cause instanceof ZodError) {
    const issues = cause.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return { atendoCode: 'invalid-input', details: {}, issues };
  }
  if (error.code === 'BAD_REQUEST' && error.message === BATCH_TOO_LARGE_MESSAGE) {
    return { atendoCode: 'invalid-input', details: { reason: 'batch-too-large' } };
  }
  if (error.code === 'UNAUTHORIZED') return { atendoCode: 'unauthenticated', details: {} };
  if (error.code === 'BAD_REQUEST') return { atendoCode: 'invalid-input', details: {} };
  if (error.code === 'NOT_FOUND') return { atendoCode: 'not-found', details: {} };
  if (error.code === 'FORBIDDEN') return { atendoCode: 'forbidden', details: {} };
  if (error.code === 'PAYLOAD_TOO_LARGE') return { atendoCode: 'body-too-large', details: {} };
  return { atendoCode: 'invalid-input', details: {} };
}

const t = initTRPC.context<Context>().create({
  // Stacks and internals never leave the server; the adapter's onError logs them.
  isDev: false,
  errorFormatter({ shape, error }) {
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      message: internal ? 'Internal server error' : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        ...(internal ? { atendoCode: null, details: {} } : atendoData(error)),
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

// Services throw AtendoError; here it becomes a TRPCError with a fitting status, keeping the
// original as the cause so the formatter can expose its stable code and details.
const mapAtendoErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isAtendoError(result.error.cause)) {
    const cause: AtendoError = result.error.cause;
    throw new TRPCError({ code: trpcCodeFor(cause.code), message: cause.message, cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapAtendoErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.agent) throw new AtendoError('unauthenticated', 'sign in first');
  const agent: Agent = ctx.agent;
  return next({ ctx: { ...ctx, agent } });
});

export const supervisorProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.agent.role === 'agent') {
    throw new AtendoError('forbidden', 'supervisors and admins only', { role: ctx.agent.role });
  }
  return next();
});
