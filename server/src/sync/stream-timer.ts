/** Runs `run` once after `ms`; returns what cancels it. Injected so tests move time by hand. */
export type SetTimer = (run: () => void, ms: number) => () => void;

export const realTimer: SetTimer = (run, ms) => {
  const handle = setTimeout(run, ms);
  // A pending heartbeat or hello deadline alone must not keep the process alive.
  handle.unref();
  return () => {
    clearTimeout(handle);
  };
};

/** Runs `run` every `ms` until cancelled, on top of a one-shot timer. */
export function every(setTimer: SetTimer, ms: number, run: () => void): () => void {
  let cancel: () => void = () => undefined;
  let stopped = false;
  const tick = (): void => {
    if (stopped) return;
    cancel = setTimer(tick, ms);
    run();
  };
  cancel = setTimer(tick, ms);
  return () => {
    stopped = true;
    cancel();
  };
}

/** A timer tests drive: `fire` runs what is due at the given delay, nothing runs by itself. */
export type ManualTimer = {
  setTimer: SetTimer;
  /** Runs, once, every callback currently scheduled with exactly this delay. */
  fire(ms: number): void;
  pending(ms: number): number;
};

export function manualTimer(): ManualTimer {
  const scheduled = new Set<{ run: () => void; ms: number }>();
  return {
    setTimer: (run, ms) => {
      const entry = { run, ms };
      scheduled.add(entry);
      return () => {
        scheduled.delete(entry);
      };
    },
    fire: (ms) => {
      const due = [...scheduled].filter((entry) => entry.ms === ms);
      for (const entry of due) {
        scheduled.delete(entry);
        entry.run();
      }
    },
    pending: (ms) => [...scheduled].filter((entry) => entry.ms === ms).length,
  };
}
