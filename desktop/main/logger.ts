import { appendFile } from 'node:fs/promises';

/**
 * A small logger with pino's shape (level, time, msg, fields) writing JSON lines to a file in
 * the user-data folder, so IT can read what the shell did. Writes are fire-and-forget: logging
 * must never block or crash the app.
 */
export type Logger = {
  info: (fields: Record<string, unknown>, msg: string) => void;
  warn: (fields: Record<string, unknown>, msg: string) => void;
  error: (fields: Record<string, unknown>, msg: string) => void;
};

export function fileLogger(file: string, clock: () => number = Date.now): Logger {
  const write = (level: string) => (fields: Record<string, unknown>, msg: string) => {
    const line = JSON.stringify({ level, time: clock(), msg, ...fields }) + '\n';
    appendFile(file, line).catch(() => undefined);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
