import { AppError } from '../../common/app-error';
import { RenderGate } from './pdf-renderer';

describe('RenderGate', () => {
  it('runs at most `concurrency` jobs, queues `queue` more in order, and refuses the rest with a retry hint', async () => {
    const gate = new RenderGate(2, 2);
    const releases: (() => void)[] = [];
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const job = (i: number) => () =>
      new Promise<number>((resolve) => {
        running += 1;
        peak = Math.max(peak, running);
        order.push(i);
        releases.push(() => {
          running -= 1;
          resolve(i);
        });
      });
    const accepted = [0, 1, 2, 3].map((i) => gate.run(job(i)));
    const refused = gate.run(job(4));
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'unavailable', details: { retryAfterSeconds: 5, running: 2, waiting: 2 } });
    expect(gate.busy).toEqual({ running: 2, waiting: 2 });
    while (releases.length > 0 || order.length < 4) {
      await new Promise((r) => setImmediate(r));
      releases.shift()?.();
    }
    expect(await Promise.all(accepted)).toEqual([0, 1, 2, 3]);
    expect(order).toEqual([0, 1, 2, 3]);
    expect(peak).toBe(2);
    expect(gate.busy).toEqual({ running: 0, waiting: 0 });
  });

  it('passes the turn on when a job fails', async () => {
    const gate = new RenderGate(1, 1);
    const failing = gate.run(() => Promise.reject(new Error('chromium crashed')));
    const next = gate.run(() => Promise.resolve('printed'));
    await expect(failing).rejects.toThrow('chromium crashed');
    await expect(next).resolves.toBe('printed');
    expect(gate.busy).toEqual({ running: 0, waiting: 0 });
  });
});
