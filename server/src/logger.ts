import { pino, type Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

/**
 * Names of fields that hold secrets: never written to the log, wherever they appear in a logged
 * object (top level or two levels down), and the Authorization header of logged requests.
 */
export const SECRET_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'temporaryPassword',
  'passwordHash',
  'password_hash',
  'accessToken',
  'appSecret',
  'verifyToken',
  'secrets',
  'token',
  'authorization',
] as const;

const REDACT_PATHS = SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);

/** The server's structured logger; tests pass level 'silent'. */
export const createLogger = (
  level: Config['logLevel'],
  destination?: pino.DestinationStream,
): Logger =>
  pino(
    {
      level,
      base: { service: 'atendo-server' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    destination,
  );
