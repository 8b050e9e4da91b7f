import { pino, type Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

/** The server's structured logger; tests pass level 'silent'. */
export const createLogger = (level: Config['logLevel']): Logger =>
  pino({ level, base: { service: 'atendo-server' } });
