import type { DataSource, EntityManager } from 'typeorm';

/**
 * PostgreSQL refuses a transaction with one of these when it cannot be ordered against a concurrent
 * one: 40001 (serialization failure; REPEATABLE READ and SERIALIZABLE may always raise it) and
 * 40P01 (deadlock; any isolation). Nothing of the refused transaction was stored, and running it
 * again from the start is what PostgreSQL expects of the caller.
 */
export const RETRYABLE_SQLSTATES = ['40001', '40P01'] as const;
export type RetryableSqlState = (typeof RETRYABLE_SQLSTATES)[number];

export type Isolation = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

export interface RetryOptions {
  /** Attempts in all, the first included (default 8). */
  attempts?: number;
  /** Ceiling of the first backoff (default 5 ms); it doubles each retry, up to `maxDelayMs`. */
  baseDelayMs?: number;
  /** Ceiling of any backoff (default 250 ms). */
  maxDelayMs?: number;
  /** Waits between attempts; replaceable so a unit test need not sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** Random number in [0, 1) for the jitter. */
  random?: () => number;
}

/** Retries taken and transactions given up, by SQLSTATE, since the process started (the metrics read these). */
export const transactionRetries = {
  retried: { '40001': 0, '40P01': 0 } as Record<RetryableSqlState, number>,
  exhausted: 0,
  get total(): number {
    return this.retried['40001'] + this.retried['40P01'];
  },
};

/** The SQLSTATE of a retryable refusal, from the pg error or TypeORM's wrapper around it; otherwise null. */
export function retryableSqlState(err: unknown): RetryableSqlState | null {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null | undefined;
  const code = e?.code ?? e?.driverError?.code;
  return (RETRYABLE_SQLSTATES as readonly unknown[]).includes(code) ? (code as RetryableSqlState) : null;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` and, when PostgreSQL refuses it with 40001 or 40P01, runs it again after a jittered
 * backoff (full jitter: a random wait up to a ceiling that doubles each time), a bounded number of
 * times. Any other error, and the last refusal, goes to the caller. `work` must be a whole
 * transaction (or one statement) with no effect outside it until it returns.
 */
export async function retryOnConflict<T>(work: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 8);
  const base = options.baseDelayMs ?? 5;
  const max = options.maxDelayMs ?? 250;
  const sleep = options.sleep ?? sleepFor;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (err) {
      const code = retryableSqlState(err);
      if (code === null) throw err;
      if (attempt >= attempts) {
        transactionRetries.exhausted++;
        throw err;
      }
      transactionRetries.retried[code]++;
      await sleep(Math.floor(random() * Math.min(max, base * 2 ** (attempt - 1))) + 1);
    }
  }
}

/** One transaction on `db`, retried as `retryOnConflict` says: the shared way to run a transaction that may be refused. */
export function retryTransaction<T>(
  db: DataSource,
  work: (m: EntityManager, attempt: number) => Promise<T>,
  options: RetryOptions & { isolation?: Isolation } = {},
): Promise<T> {
  const { isolation, ...retry } = options;
  return retryOnConflict((attempt) => (isolation ? db.transaction(isolation, (m) => work(m, attempt)) : db.transaction((m) => work(m, attempt))), retry);
}
