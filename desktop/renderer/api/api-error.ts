import { TRPCClientError } from '@trpc/client';
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode, type ErrorDetails } from '@atendo/shared/errors';

/** What the UI knows about a failed call: a stable code when the server gave one. */
export type ApiFailure =
  | { kind: 'atendo'; code: ErrorCode; details: ErrorDetails; message: string }
  | { kind: 'network'; message: string }
  | { kind: 'unknown'; message: string };

const ErrorData = z.object({
  atendoCode: z.enum(ERROR_CODES),
  details: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .optional(),
});

/** The server's error payload is untrusted input like any other: parse it before using it. */
export function describeApiError(error: unknown): ApiFailure {
  if (error instanceof TRPCClientError) {
    const parsed = ErrorData.safeParse(error.data);
    if (parsed.success) {
      return {
        kind: 'atendo',
        code: parsed.data.atendoCode,
        details: parsed.data.details ?? {},
        message: error.message,
      };
    }
    // No response at all (fetch failed, socket closed) means the server was not reached.
    if (error.data === undefined || error.data === null) {
      return { kind: 'network', message: error.message };
    }
    return { kind: 'unknown', message: error.message };
  }
  return { kind: 'unknown', message: error instanceof Error ? error.message : String(error) };
}
