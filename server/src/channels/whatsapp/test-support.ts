import pino from 'pino';
import type { Sleep } from './graph-http';
import type { ChannelLogger } from './logger';

/** A silent pino logger: the adapter logs through the real library in tests too. */
export const silentLogger: ChannelLogger = pino({ level: 'silent' });

/** A sleep that returns at once and remembers the delays asked for, so backoff is asserted. */
export function recordingSleep(): { sleep: Sleep; delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    sleep: (ms) => {
      delays.push(ms);
      return Promise.resolve();
    },
  };
}
