import { RateLimiterMemory } from 'rate-limiter-flexible';
import { AtendoError, isAtendoError } from '@atendo/shared/errors';
import type { Database } from '../db/database';
import type { Logger } from '../logger';

/** How many wrong passwords are tolerated, and for how long a sign-in is then refused. */
export type LoginLimits = {
  /** Failed sign-ins of one account within `accountWindowMs` that lock it. */
  accountFailures: number;
  accountWindowMs: number;
  accountLockMs: number;
  /** Failed sign-ins from one address within `ipWindowMs` that lock the address. */
  ipFailures: number;
  ipWindowMs: number;
  ipLockMs: number;
};

export type SignInAttempt = { email: string; ip: string | null };

type Scope = 'account' | 'ip';

const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/**
 * Guards the password checks (auth.login, auth.changePassword) against guessing: failures are
 * counted per account and per client address, and once either reaches its limit every attempt
 * is refused with `rate-limited` and the seconds to wait, without checking the password (so a
 * locked account answers nothing about it, and a flood costs no password hashing). A right
 * password clears the account's count; the address's count only expires, so one address cannot
 * guess across many accounts by signing in to its own now and then.
 *
 * Failures, not attempts, are counted per address: a contact center behind one NAT address
 * signs in dozens of agents within a minute at the start of a shift.
 *
 * The counts are in this process's memory: they start from zero on a restart, and with several
 * server nodes each node counts on its own (an attacker spreading guesses over N nodes gets N
 * times the limit). The limits are still what bounds a guesser, which is what they are for.
 */
export class LoginLimiter {
  private readonly account: RateLimiterMemory;
  private readonly ip: RateLimiterMemory;

  constructor(
    private readonly limits: LoginLimits,
    private readonly logger: Logger,
  ) {
    this.account = new RateLimiterMemory({
      keyPrefix: 'login-account',
      points: limits.accountFailures,
      duration: seconds(limits.accountWindowMs),
    });
    this.ip = new RateLimiterMemory({
      keyPrefix: 'login-ip',
      points: limits.ipFailures,
      duration: seconds(limits.ipWindowMs),
    });
  }

  /** Runs `check` (a password check) unless the account or the address is locked. */
  async attempt<T>(who: SignInAttempt, check: () => Promise<T>): Promise<T> {
    const email = who.email.trim().toLowerCase();
    const keys: [Scope, string][] = [['account', email]];
    if (who.ip !== null) keys.push(['ip', who.ip]);
    for (const [scope, key] of keys) await this.refuseWhileLocked(scope, key, who);
    // Counted as a failure before the password is checked, so that a burst of parallel
    // attempts (one batch of calls) cannot all be checked before the first failure counts;
    // the attempts past the limit are refused at once.
    const counts = new Map<Scope, number>();
    for (const [scope, key] of keys) {
      counts.set(scope, (await this.limiter(scope).penalty(key, 1)).consumedPoints);
    }
    for (const [scope, key] of keys) {
      if ((counts.get(scope) ?? 0) > this.points(scope))
        await this.refuseWhileLocked(scope, key, who);
    }
    try {
      const result = await check();
      await this.passed(keys);
      return result;
    } catch (error) {
      if (isWrongCredentials(error)) {
        // E-mail and address, never the password (the logger also redacts password fields).
        this.logger.warn(
          { email: who.email, ip: who.ip },
          'sign-in failed: wrong e-mail or password',
        );
        for (const [scope, key] of keys) await this.lockAtLimit(scope, key, counts.get(scope), who);
      } else {
        // Any other answer (deactivated, a password to change, a weak new one) came past a
        // right password; an unexpected error says nothing about the password either.
        await this.passed(keys, isAtendoError(error));
      }
      throw error;
    }
  }

  private limiter(scope: Scope): RateLimiterMemory {
    return scope === 'account' ? this.account : this.ip;
  }

  private points(scope: Scope): number {
    return scope === 'account' ? this.limits.accountFailures : this.limits.ipFailures;
  }

  /** Takes back the attempt's count; a right password also clears the account's failures. */
  private async passed(keys: [Scope, string][], rightPassword = true): Promise<void> {
    for (const [scope, key] of keys) {
      if (scope === 'account' && rightPassword) await this.account.delete(key);
      else await this.limiter(scope).reward(key, 1);
    }
  }

  private async refuseWhileLocked(scope: Scope, key: string, who: SignInAttempt): Promise<void> {
    const state = await this.limiter(scope).get(key);
    if (state === null || state.consumedPoints < this.points(scope) || state.msBeforeNext <= 0) {
      return;
    }
    const retryAfterSeconds = seconds(state.msBeforeNext);
    this.logger.info(
      { email: who.email, ip: who.ip, scope, retryAfterSeconds },
      'sign-in refused: too many failed attempts',
    );
    throw new AtendoError('rate-limited', 'too many failed sign-in attempts; wait and retry', {
      retryAfterSeconds,
      scope,
    });
  }

  private async lockAtLimit(
    scope: Scope,
    key: string,
    count: number | undefined,
    who: SignInAttempt,
  ): Promise<void> {
    if (count === undefined || count < this.points(scope)) return;
    const lockMs = scope === 'account' ? this.limits.accountLockMs : this.limits.ipLockMs;
    // The lock runs from the failure that reached the limit, for the whole lock time.
    await this.limiter(scope).block(key, seconds(lockMs));
    this.logger.warn(
      { email: who.email, ip: who.ip, scope, lockSeconds: seconds(lockMs) },
      `sign-in locked for this ${scope === 'account' ? 'account' : 'address'}`,
    );
  }
}

/** Wrong e-mail or password; a deactivated account's refusal comes after a right password. */
const isWrongCredentials = (error: unknown): boolean =>
  isAtendoError(error) &&
  error.code === 'unauthenticated' &&
  error.details.reason !== 'deactivated';

const limiters = new WeakMap<Database, LoginLimiter>();

/**
 * The limiter of one app, keyed by its database handle like the session hub; the limits apply
 * when this call creates it.
 */
export function loginLimiterFor(db: Database, limits: LoginLimits, logger: Logger): LoginLimiter {
  let limiter = limiters.get(db);
  if (limiter === undefined) {
    limiter = new LoginLimiter(limits, logger);
    limiters.set(db, limiter);
  }
  return limiter;
}
