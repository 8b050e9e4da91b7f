import { ZodError } from 'zod';
import { RefusalError, TransientError, type RefusalDetails } from './transport';

/**
 * What one failed delivery attempt means for an outbox item:
 * - `refused`: the server understood the request and said no with a stable `atendoCode`
 *   (validation, permission, closed conversation, not found, …), or the item cannot be sent at
 *   all (what was read back from disk does not parse). Retrying cannot help: the item ends as
 *   `failed` with the reason and waits for the agent (retry, edit or discard).
 * - `transient`: the network, the server (5xx), a rate limit or an expired session. The item
 *   stays `pending` and is tried again after a backoff, keeping the last reason on the item so
 *   the bubble says why it is still waiting.
 */
export type AttemptFailure =
  | { kind: 'refused'; code: string; message: string; details: RefusalDetails }
  | { kind: 'transient'; code: TransientCode; message: string };

/** Reasons to try again later; shown in the pending bubble, never an ERROR_CODES entry. */
export type TransientCode = 'network' | 'server-error' | 'rate-limited' | 'session';

/** Codes that describe the session, not the request: an expired token must not fail messages. */
const SESSION_CODES: ReadonlySet<string> = new Set(['unauthenticated']);

export function classifyAttemptFailure(error: unknown): AttemptFailure {
  if (error instanceof RefusalError) {
    if (SESSION_CODES.has(error.code)) {
      return { kind: 'transient', code: 'session', message: error.message };
    }
    return { kind: 'refused', code: error.code, message: error.message, details: error.details };
  }
  if (error instanceof TransientError) {
    return { kind: 'transient', code: error.reason, message: error.message };
  }
  if (error instanceof ZodError) {
    // An item this version of the app cannot send (written by an older one, or past a limit):
    // the same answer the server's input validation would give, without asking it.
    const issue = error.issues[0];
    const field = issue === undefined ? '' : issue.path.filter((p) => p !== 'payload').join('.');
    return {
      kind: 'refused',
      code: 'invalid-input',
      message: issue?.message ?? 'invalid outbox item',
      details: { field, local: true },
    };
  }
  return {
    kind: 'transient',
    code: 'network',
    message: error instanceof Error ? error.message : String(error),
  };
}

export type BackoffOptions = { baseMs: number; capMs: number };

export const OUTBOX_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 60_000 };

/**
 * Exponential backoff with "equal jitter": the delay doubles from `baseMs` up to `capMs`, and
 * half of it is random, so a hundred agents whose server came back do not all retry in the same
 * second. `random` is injected (Math.random in the app, a seeded one in tests).
 */
export function jitteredBackoff(
  attempt: number,
  random: () => number,
  options: BackoffOptions = OUTBOX_BACKOFF,
): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
