import { PendingAcks, TokenBucket } from './connection-guard';

describe('TokenBucket', () => {
  it('allows a burst, then the sustained rate, and says when the next token comes', () => {
    let now = 0;
    const b = new TokenBucket(10, 3, () => now);
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
    expect(b.retryAfterMs()).toBe(100);
    now += 100;
    expect(b.take()).toBe(true);
    expect(b.take()).toBe(false);
    now += 10_000;
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
  });
});

describe('PendingAcks', () => {
  it('resolves drained only once every tracked answer is out', async () => {
    const acks = new PendingAcks();
    let release: () => void = () => undefined;
    void acks.track(new Promise<void>((r) => (release = r)));
    let drained = false;
    const d = acks.drained(60_000).then(() => (drained = true));
    await Promise.resolve();
    expect(drained).toBe(false);
    release();
    await d;
    expect(drained).toBe(true);
  });

  it('counts a failed answer as out too', async () => {
    const acks = new PendingAcks();
    await acks.track(Promise.reject(new Error('x'))).catch(() => undefined);
    await acks.drained(60_000);
  });
});
