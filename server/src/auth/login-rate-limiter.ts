import { AppError } from '../common/app-error';

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Failed sign-ins per address and account, and all sign-ins per address, in fixed windows. Kept in
 * memory: each instance limits on its own, which bounds guessing at limit × instances.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, Window>();
  private readonly attempts = new Map<string, Window>();

  constructor(
    private readonly maxFailures = 5,
    private readonly failureWindowMs = 15 * 60_000,
    private readonly maxAttempts = 60,
    private readonly attemptWindowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws `rate_limited` before the password is even checked when the caller is over a limit. */
  check(ip: string, username: string): void {
    const attempt = this.bump(this.attempts, ip, this.attemptWindowMs);
    if (attempt.count > this.maxAttempts) throw this.limited(attempt);
    const failed = this.peek(this.failures, `${ip}\u0000${username.toLowerCase()}`);
    if (failed && failed.count >= this.maxFailures) throw this.limited(failed);
  }

  recordFailure(ip: string, username: string): void {
    this.bump(this.failures, `${ip}\u0000${username.toLowerCase()}`, this.failureWindowMs);
    this.sweep();
  }

  recordSuccess(ip: string, username: string): void {
    this.failures.delete(`${ip}\u0000${username.toLowerCase()}`);
  }

  private limited(w: Window): AppError {
    const seconds = Math.max(1, Math.ceil((w.resetAt - this.now()) / 1000));
    return new AppError('rate_limited', `Too many sign-in attempts. Wait ${seconds} seconds and try again.`, {
      retryAfterSeconds: seconds,
    });
  }

  private peek(map: Map<string, Window>, key: string): Window | undefined {
    const w = map.get(key);
    if (w && w.resetAt <= this.now()) {
      map.delete(key);
      return undefined;
    }
    return w;
  }

  private bump(map: Map<string, Window>, key: string, windowMs: number): Window {
    const w = this.peek(map, key) ?? { count: 0, resetAt: this.now() + windowMs };
    w.count += 1;
    map.set(key, w);
    return w;
  }

  private sweep(): void {
    if (this.failures.size < 10_000) return;
    const now = this.now();
    for (const [k, w] of this.failures) if (w.resetAt <= now) this.failures.delete(k);
    for (const [k, w] of this.attempts) if (w.resetAt <= now) this.attempts.delete(k);
  }
}
