import type { Socket } from 'socket.io';

/** A token bucket: `rate` per second sustained, `burst` at once. */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.at = now();
  }

  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.rate);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Until the next token, ms. */
  retryAfterMs(): number {
    return Math.max(1, Math.ceil(((1 - this.tokens) / this.rate) * 1000));
  }
}

/**
 * One socket's answers still owed: every frame it sent is acknowledged before the server closes
 * it, so a client cut off (its session ended, too many refusals) still learns which of its updates
 * were stored.
 */
export class PendingAcks {
  private count = 0;
  private waiters: (() => void)[] = [];

  track<T>(p: Promise<T>): Promise<T> {
    this.count += 1;
    const done = () => {
      this.count -= 1;
      if (this.count === 0) for (const w of this.waiters.splice(0)) w();
    };
    p.then(done, done);
    return p;
  }

  /** Resolves once every tracked answer is out, or after `timeoutMs` (never, when null). */
  drained(timeoutMs: number | null): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const t = timeoutMs === null ? null : setTimeout(resolve, timeoutMs);
      this.waiters.push(() => {
        if (t !== null) clearTimeout(t);
        resolve();
      });
    });
  }
}

interface EngineConnection {
  writeBuffer?: { data?: unknown }[];
  transport?: { socket?: { bufferedAmount?: number; terminate?: () => void } };
  close?: (discard?: boolean) => void;
}

function sizeOf(data: unknown): number {
  if (typeof data === 'string') return data.length;
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}

/**
 * Bytes written to a connection that its reader has not taken yet: packets engine.io holds while
 * the transport is busy, plus what the WebSocket has queued in the kernel and in user space.
 */
export function bufferedBytes(conn: unknown): number {
  const c = conn as EngineConnection;
  let n = c.transport?.socket?.bufferedAmount ?? 0;
  for (const p of c.writeBuffer ?? []) n += sizeOf(p.data);
  return n;
}

/**
 * Drops a connection at once, without the graceful close that would first wait for its buffered
 * bytes to be read: the point is to free them.
 */
export function dropConnection(conn: unknown): void {
  const c = conn as EngineConnection;
  c.transport?.socket?.terminate?.();
  c.close?.(true);
}

export function socketBufferedBytes(socket: Socket): number {
  return bufferedBytes(socket.conn);
}
