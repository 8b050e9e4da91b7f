import type { TRPCError } from '@trpc/server';
import type { ResponseMeta } from '@trpc/server/http';
import { isAtendoError } from '@atendo/shared/errors';
import type { Config } from '../config';

/**
 * What the tRPC HTTP adapter takes besides the router and the context: the batch limit, and
 * the Retry-After header of a `rate-limited` answer. Spread into createExpressMiddleware.
 */
export function trpcHttpOptions(config: Pick<Config, 'trpcMaxBatchSize'>): {
  maxBatchSize: number;
  responseMeta: (opts: { errors: TRPCError[] }) => ResponseMeta;
} {
  return {
    // One request with hundreds of calls would multiply every other limit by that many
    // (issue 10: 200 auth.login calls in one batch). tRPC answers a larger batch with one 400
    // error, which the error formatter reports as invalid-input, reason batch-too-large.
    maxBatchSize: config.trpcMaxBatchSize,
    responseMeta: ({ errors }) => {
      const retryAfter = retryAfterSeconds(errors);
      // tRPC already answers 429 (TOO_MANY_REQUESTS); a batch mixing answers gets 207 and the
      // header still says when to come back for the refused calls.
      return retryAfter === null ? {} : { headers: { 'Retry-After': String(retryAfter) } };
    },
  };
}

/** The longest wait any rate-limited call of the request asks for, or null. */
function retryAfterSeconds(errors: readonly TRPCError[]): number | null {
  let longest: number | null = null;
  for (const error of errors) {
    const cause = error.cause;
    if (!isAtendoError(cause) || cause.code !== 'rate-limited') continue;
    const seconds = cause.details.retryAfterSeconds;
    if (typeof seconds === 'number') longest = Math.max(longest ?? 0, seconds);
  }
  return longest;
}

/** tRPC's own message for a batch over maxBatchSize (resolveResponse in @trpc/server 11). */
export const BATCH_TOO_LARGE_MESSAGE = 'Batch call exceeds maximum size';
