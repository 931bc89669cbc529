import { AppError } from '../common/app-error';
import { LoginRateLimiter, MemoryCounterStore } from './login-rate-limiter';

describe('LoginRateLimiter', () => {
  let now = 0;
  const limiter = () =>
    new LoginRateLimiter(new MemoryCounterStore(() => now), { maxFailures: 3, maxAccountFailures: 5, failureWindowMs: 60_000, maxAttempts: 10, attemptWindowMs: 1_000 });

  beforeEach(() => {
    now = 1_000_000;
  });

  async function refusal(p: Promise<void>): Promise<AppError> {
    try {
      await p;
    } catch (err) {
      if (err instanceof AppError) return err;
      throw err;
    }
    throw new Error('expected a refusal');
  }

  it('reserves each attempt before the password is checked, so racing attempts cannot all pass', async () => {
    const l = limiter();
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => l.reserve('1.2.3.4', 'mex')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(5);
  });

  it('locks an address and account out after the allowed failures, until the window passes', async () => {
    const l = limiter();
    for (let i = 0; i < 3; i += 1) await l.reserve('1.2.3.4', 'MEX');
    const e = await refusal(l.reserve('1.2.3.4', 'mex'));
    expect(e.code).toBe('rate_limited');
    expect(e.details).toEqual({ retryAfterSeconds: 60 });
    await expect(l.reserve('1.2.3.4', 'us')).resolves.toBeUndefined();
    await expect(l.reserve('5.6.7.8', 'mex')).resolves.toBeUndefined();
    now += 60_001;
    await expect(l.reserve('1.2.3.4', 'mex')).resolves.toBeUndefined();
  });

  it('caps failures for one account across addresses', async () => {
    const l = limiter();
    for (let i = 0; i < 5; i += 1) await l.reserve(`10.0.0.${i}`, 'mex');
    expect((await refusal(l.reserve('10.0.0.99', 'mex'))).code).toBe('rate_limited');
  });

  it('forgets failures after a success', async () => {
    const l = limiter();
    await l.reserve('ip', 'mex');
    await l.reserve('ip', 'mex');
    await l.succeeded('ip', 'mex');
    await l.reserve('ip', 'mex');
    await l.reserve('ip', 'mex');
    await expect(l.reserve('ip', 'mex')).resolves.toBeUndefined();
  });

  it('caps all attempts from one address per window and reports the wait', async () => {
    const l = limiter();
    for (let i = 0; i < 10; i += 1) await l.reserve('ip', `user${i}`);
    const e = await refusal(l.reserve('ip', 'another'));
    expect(e.code).toBe('rate_limited');
    expect(e.details).toEqual({ retryAfterSeconds: 1 });
  });
});
