import type Redis from 'ioredis';
import { AppError } from '../common/app-error';

export interface Hit {
  /** Hits in the current window, this one included. */
  count: number;
  /** Until the window ends. */
  ttlMs: number;
}

/** Fixed-window counters whose increment is atomic: two racing sign-ins never read the same count. */
export interface CounterStore {
  hit(key: string, windowMs: number): Promise<Hit>;
  clear(key: string): Promise<void>;
  /** Gives one hit back (a reservation that turned out not to be a failure). */
  release(key: string): Promise<void>;
}

export class MemoryCounterStore implements CounterStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  hit(key: string, windowMs: number): Promise<Hit> {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, w);
    }
    w.count += 1;
    if (this.windows.size > 10_000) this.sweep(now);
    return Promise.resolve({ count: w.count, ttlMs: w.resetAt - now });
  }

  clear(key: string): Promise<void> {
    this.windows.delete(key);
    return Promise.resolve();
  }

  release(key: string): Promise<void> {
    const w = this.windows.get(key);
    if (w && w.count > 0) w.count -= 1;
    return Promise.resolve();
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
  }
}

// INCR and the window's expiry in one step, so every instance counts against the same number.
const HIT = `
local c = redis.call('INCR', KEYS[1])
local t = redis.call('PTTL', KEYS[1])
if t < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); t = tonumber(ARGV[1]) end
return {c, t}`;

const RELEASE = `if (tonumber(redis.call('GET', KEYS[1]) or '0') > 0) then return redis.call('DECR', KEYS[1]) end return 0`;

/** Counters in Redis, shared by every instance; if Redis fails, this instance counts on its own meanwhile. */
export class RedisCounterStore implements CounterStore {
  private readonly fallback = new MemoryCounterStore();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly onError: (err: unknown) => void,
  ) {}

  async hit(key: string, windowMs: number): Promise<Hit> {
    try {
      const [count, ttlMs] = (await this.redis.eval(HIT, 1, `${this.prefix}:${key}`, windowMs)) as [number, number];
      return { count, ttlMs };
    } catch (err) {
      this.onError(err);
      return this.fallback.hit(key, windowMs);
    }
  }

  async clear(key: string): Promise<void> {
    await this.fallback.clear(key);
    await this.redis.del(`${this.prefix}:${key}`).catch((err: unknown) => this.onError(err));
  }

  async release(key: string): Promise<void> {
    await this.fallback.release(key);
    await this.redis.eval(RELEASE, 1, `${this.prefix}:${key}`).catch((err: unknown) => this.onError(err));
  }
}

export interface LoginLimits {
  /** Failed sign-ins for one account from one address, per `failureWindowMs`. */
  maxFailures: number;
  /** Failed sign-ins for one account from all addresses together, per `failureWindowMs`. */
  maxAccountFailures: number;
  failureWindowMs: number;
  /** Sign-in attempts from one address, per `attemptWindowMs`. */
  maxAttempts: number;
  attemptWindowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  maxFailures: 5,
  maxAccountFailures: 20,
  failureWindowMs: 15 * 60_000,
  maxAttempts: 60,
  attemptWindowMs: 60_000,
};

/**
 * Sign-in limits that hold under concurrency: an attempt takes its place in the failure count
 * *before* the password is hashed (a success gives it back), so of 50 simultaneous wrong passwords
 * for one account only the allowed number are ever checked; the rest are refused without hashing.
 */
export class LoginRateLimiter {
  constructor(
    private readonly store: CounterStore,
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {}

  /** Reserves an attempt; throws `rate_limited` (with `retryAfterSeconds`) when over a limit. */
  async reserve(ip: string, username: string): Promise<void> {
    const l = this.limits;
    const user = username.toLowerCase();
    const attempts = await this.store.hit(`login:ip:${ip}`, l.attemptWindowMs);
    if (attempts.count > l.maxAttempts) throw limited(attempts);
    const pair = await this.store.hit(`login:fail:${ip}:${user}`, l.failureWindowMs);
    if (pair.count > l.maxFailures) throw limited(pair);
    const account = await this.store.hit(`login:acct:${user}`, l.failureWindowMs);
    if (account.count > l.maxAccountFailures) throw limited(account);
  }

  /** The password was right: this address's failures for the account are forgiven, and the attempt is not counted against the account. */
  async succeeded(ip: string, username: string): Promise<void> {
    const user = username.toLowerCase();
    await this.store.clear(`login:fail:${ip}:${user}`);
    await this.store.release(`login:acct:${user}`);
  }
}

function limited(hit: Hit): AppError {
  const seconds = Math.max(1, Math.ceil(hit.ttlMs / 1000));
  return new AppError('rate_limited', `Too many sign-in attempts. Wait ${seconds} seconds and try again.`, { retryAfterSeconds: seconds });
}
