/** setTimeout cannot wait longer than this; a later deadline is re-armed when the wait ends. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * One timer per deadline, re-armable when the clock moves. Timers are unref'd: a pending deadline
 * never keeps the process alive, and the state is in the database, so a restart re-arms them.
 */
export class DeadlineTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly now: () => Date,
    private readonly fire: (id: string) => void,
  ) {}

  arm(id: string, deadline: Date): void {
    this.disarm(id);
    const delay = Math.max(0, Math.min(deadline.getTime() - this.now().getTime(), MAX_DELAY_MS));
    const timer = setTimeout(() => {
      this.timers.delete(id);
      this.fire(id);
    }, delay);
    timer.unref();
    this.timers.set(id, timer);
  }

  disarm(id: string): void {
    const timer = this.timers.get(id);
    if (timer) clearTimeout(timer);
    this.timers.delete(id);
  }

  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  get size(): number {
    return this.timers.size;
  }
}
