/** The only way server code reads time, so tests can move it (CSAT and bot timeouts, 24 h window). */
export type Clock = { now(): number };

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests set and advance by hand. */
export type ManualClock = Clock & { set(ms: number): void; advance(ms: number): void };

export function manualClock(start: number): ManualClock {
  let current = start;
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
