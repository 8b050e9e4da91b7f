/**
 * The part of pino's logger the adapter uses, so the server passes its pino child and tests can
 * pass `pino({ level: 'silent' })` or a recording logger of the same shape.
 */
export type LogFn = (context: object, message?: string) => void;
export type ChannelLogger = { debug: LogFn; info: LogFn; warn: LogFn; error: LogFn };
