import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AtendoError } from '@atendo/shared/errors';
import type { RateWindow, WebchatLimits } from '../../config';

/**
 * The web chat's abuse limits: anonymous visitors may open sessions and write, but not flood.
 * Counters live in memory, per server process (each node of a cluster counts on its own).
 * A refusal is `rate-limited` with `retryAfterSeconds`, which the router sends as a 429 with
 * a Retry-After header.
 */
export type WebchatRateLimits = {
  /** Counts a session opened from `ip`; throws when a window is full. */
  openSession: (ip: string) => Promise<void>;
  /** Counts a message (text or file) from this visitor at `ip`; throws when a window is full. */
  sendMessage: (visitorId: string, ip: string) => Promise<void>;
};

type Limiter = (key: string) => Promise<void>;

/** A limiter over several windows (10 a minute and 50 an hour): every window must have room. */
function limiter(name: string, windows: readonly RateWindow[]): Limiter {
  const counters = windows
    .filter((w) => w.points > 0)
    .map((w) => new RateLimiterMemory({ points: w.points, duration: w.seconds }));
  return async (key) => {
    const results = await Promise.allSettled(counters.map((c) => c.consume(key)));
    const waits = results.flatMap((r) =>
      r.status === 'rejected' && r.reason instanceof RateLimiterRes ? [r.reason.msBeforeNext] : [],
    );
    const failure = results.find(
      (r) => r.status === 'rejected' && !(r.reason instanceof RateLimiterRes),
    );
    if (failure?.status === 'rejected') throw failure.reason;
    if (waits.length === 0) return;
    const retryAfterSeconds = Math.max(1, Math.ceil(Math.max(...waits) / 1000));
    throw new AtendoError('rate-limited', `too many requests (${name})`, {
      limit: name,
      retryAfterSeconds,
    });
  };
}

export function createWebchatRateLimits(limits: WebchatLimits): WebchatRateLimits {
  const sessionsPerIp = limiter('sessions-per-ip', limits.sessionsPerIp);
  const messagesPerVisitor = limiter('messages-per-visitor', limits.messagesPerVisitor);
  const messagesPerIp = limiter('messages-per-ip', limits.messagesPerIp);
  return {
    openSession: (ip) => sessionsPerIp(ip),
    sendMessage: async (visitorId, ip) => {
      await messagesPerVisitor(visitorId);
      await messagesPerIp(ip);
    },
  };
}
