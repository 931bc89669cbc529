import { AppError } from '../common/app-error';
import { LoginRateLimiter } from './login-rate-limiter';

describe('LoginRateLimiter', () => {
  let now = 0;
  const limiter = () => new LoginRateLimiter(3, 60_000, 10, 1_000, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('locks an address and account out after the allowed failures, until the window passes', () => {
    const l = limiter();
    for (let i = 0; i < 3; i += 1) {
      l.check('1.2.3.4', 'mex');
      l.recordFailure('1.2.3.4', 'MEX');
    }
    expect(() => l.check('1.2.3.4', 'mex')).toThrow(AppError);
    expect(() => l.check('1.2.3.4', 'us')).not.toThrow();
    expect(() => l.check('5.6.7.8', 'mex')).not.toThrow();
    now += 60_001;
    expect(() => l.check('1.2.3.4', 'mex')).not.toThrow();
  });

  it('forgets failures after a success', () => {
    const l = limiter();
    l.recordFailure('ip', 'mex');
    l.recordFailure('ip', 'mex');
    l.recordSuccess('ip', 'mex');
    l.recordFailure('ip', 'mex');
    l.recordFailure('ip', 'mex');
    expect(() => l.check('ip', 'mex')).not.toThrow();
  });

  it('caps all attempts from one address per window and reports the wait', () => {
    const l = limiter();
    for (let i = 0; i < 10; i += 1) l.check('ip', `user${i}`);
    try {
      l.check('ip', 'another');
      throw new Error('expected a refusal');
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('rate_limited');
      expect((err as AppError).details).toEqual({ retryAfterSeconds: 1 });
    }
  });
});
