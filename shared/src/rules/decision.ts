import { AtendoError, type ErrorCode, type ErrorDetails } from '../errors';

/**
 * What every domain rule returns: allowed, or denied with a machine-readable reason and the
 * details the UI needs to explain it ("owned by Ana").
 */
export type Allowed<T extends object = object> = { ok: true } & T;
export type Denied<R extends ErrorCode = ErrorCode> = {
  ok: false;
  reason: R;
  details: ErrorDetails;
};
export type Decision<R extends ErrorCode = ErrorCode, T extends object = object> =
  Allowed<T> | Denied<R>;

export const allow = <T extends object>(extra: T = {} as T): Allowed<T> => ({ ok: true, ...extra });

export const deny = <R extends ErrorCode>(reason: R, details: ErrorDetails = {}): Denied<R> => ({
  ok: false,
  reason,
  details,
});

/** Turns a denial into the typed error the server throws; the message is for logs and tests. */
export const denialError = (denied: Denied, message?: string): AtendoError =>
  new AtendoError(denied.reason, message ?? denied.reason, denied.details);

/** For the server: unwrap an allowed decision or throw the denial as an AtendoError. */
export function ensure<T extends object>(decision: Decision<ErrorCode, T>): Allowed<T> {
  if (!decision.ok) throw denialError(decision);
  return decision;
}
