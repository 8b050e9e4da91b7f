import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { ErrorCode, ErrorDetails } from '@atendo/shared/errors';
import type { Logger } from '../logger';

/** The body every plain HTTP route answers a refusal with (as attachment-routes' sendError). */
export type HttpErrorBody = {
  error: { atendoCode: ErrorCode | null; message: string; details: ErrorDetails };
};

export function sendJsonError(
  res: Response,
  status: number,
  atendoCode: ErrorCode | null,
  message: string,
  details: ErrorDetails = {},
): void {
  // A request refused before its body was read: the rest is not worth receiving.
  if (!res.req.complete) res.set('connection', 'close');
  const body: HttpErrorBody = { error: { atendoCode, message, details } };
  res.status(status).json(body);
}

/**
 * tRPC's own limit (its adapter's maxBodySize) stops a body while it streams; a body that
 * declares a larger length is refused here before a byte is read, in tRPC's error shape.
 */
export function refuseDeclaredOversize(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (!(declared > maxBytes)) {
      next();
      return;
    }
    res.set('connection', 'close');
    const error = {
      error: {
        message: 'request body too large',
        code: -32013,
        data: {
          code: 'PAYLOAD_TOO_LARGE',
          httpStatus: 413,
          atendoCode: 'body-too-large',
          details: { maxBytes },
        },
      },
    };
    // A batch (`/a,b?batch=1`) expects one answer per call, as tRPC itself would give.
    const batch = req.query.batch === '1' || req.query.batch === 'true';
    const calls = req.path.replace(/^\//, '').split(',').length;
    res.status(413).json(batch ? Array.from({ length: calls }, () => error) : error);
  };
}

/** Last route: anything nobody answered is a JSON 404 (never Express's HTML page). */
export const jsonNotFound: RequestHandler = (req, res) => {
  sendJsonError(res, 404, 'not-found', `no route for ${req.method} ${req.path}`);
};

type HttpishError = { status?: unknown; statusCode?: unknown; type?: unknown; expose?: unknown };

/**
 * The last error handler: body-parser's and Express's own errors (an oversize webhook, malformed
 * JSON, a bad URI) answer JSON with a stable code; anything unexpected is a logged 500 whose
 * body says nothing about the server.
 */
export function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const e = (typeof error === 'object' && error !== null ? error : {}) as HttpishError;
    const status = typeof e.status === 'number' ? e.status : Number(e.statusCode ?? 500);
    if (e.type === 'entity.too.large' || status === 413) {
      sendJsonError(res, 413, 'body-too-large', 'request body too large');
    } else if (status >= 400 && status < 500) {
      sendJsonError(res, status, 'invalid-input', 'malformed request');
    } else {
      logger.error({ err: error, path: req.path }, 'request failed');
      sendJsonError(res, 500, null, 'Internal server error');
    }
  };
}
