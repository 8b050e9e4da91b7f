import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { isAtendoError, type ErrorCode } from '@atendo/shared/errors';
import type { WebchatErrorBody } from './protocol';

const STATUS: Partial<Record<ErrorCode, number>> = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'csat-not-pending': 409,
  'attachment-too-large': 413,
  'attachment-type-not-allowed': 415,
  'attachment-not-supported': 415,
  'rate-limited': 429,
  'attachment-content-mismatch': 415,
  'body-too-large': 413,
};

/** Answers every refused web chat request with `{ error: { code, message, details? } }`. */
export const webchatErrorHandler =
  (logger: Logger): ErrorRequestHandler =>
  (error: unknown, _req, res, _next) => {
    if (isAtendoError(error)) {
      const { code, message, details } = error;
      if (typeof details.retryAfterSeconds === 'number') {
        res.set('retry-after', String(details.retryAfterSeconds));
      }
      const body: WebchatErrorBody = {
        error: Object.keys(details).length > 0 ? { code, message, details } : { code, message },
      };
      res.status(STATUS[error.code] ?? 422).json(body);
      return;
    }
    // express.raw/json report an oversize body as a 413 with type "entity.too.large".
    const type = typeof error === 'object' && error !== null && 'type' in error ? error.type : null;
    if (type === 'entity.too.large') {
      res.status(413).json({ error: { code: 'attachment-too-large', message: 'body too large' } });
      return;
    }
    if (type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'invalid-input', message: 'malformed JSON' } });
      return;
    }
    logger.error({ err: error }, 'webchat: request failed');
    res.status(500).json({ error: { code: 'internal', message: 'internal error' } });
  };
