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
    await this.refuseWhileLocked('account', email, who);
    if (who.ip !== null) await this.refuseWhileLocked('ip', who.ip, who);
    // The account's failure is counted before the password is checked, so that a burst of
    // parallel guesses (one batch of calls) cannot all be checked before the first failure
    // counts: those past the limit are refused at once. Not the address's: many agents behind
    // one NAT address signing in at the same moment must not look like a burst.
    const accountCount = (await this.account.penalty(email, 1)).consumedPoints;
    if (accountCount > this.limits.accountFailures) {
      await this.refuseWhileLocked('account', email, who);
    }
    try {
      const result = await check();
      await this.account.delete(email);
      return result;
    } catch (error) {
      if (isWrongCredentials(error)) {
        // E-mail and address, never the password (the logger also redacts password fields).
        this.logger.warn(
          { email: who.email, ip: who.ip },
          'sign-in failed: wrong e-mail or password',
        );
        await this.lockAtLimit('account', email, accountCount, who);
        if (who.ip !== null) {
          const ipCount = (await this.ip.penalty(who.ip, 1)).consumedPoints;
          await this.lockAtLimit('ip', who.ip, ipCount, who);
        }
      } else if (isAtendoError(error)) {
        // Any other answer (deactivated, a password to change, a weak new one) came past a
        // right password: the account's count starts over.
        await this.account.delete(email);
      } else {
        // An unexpected failure says nothing about the password: take the attempt back.
        await this.account.reward(email, 1);
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
    count: number,
    who: SignInAttempt,
  ): Promise<void> {
    if (count < this.points(scope)) return;
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
