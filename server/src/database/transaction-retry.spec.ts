import { createTestDatabase } from '../../../test/support/test-database';
import { createDataSource } from './data-source';
import { retryableSqlState, retryOnConflict, retryTransaction, transactionRetries } from './transaction-retry';

const refusal = (code: string) => Object.assign(new Error(`refused with ${code}`), { code });
const noSleep = { sleep: async () => undefined };

describe('retryOnConflict', () => {
  it('runs a refused piece of work again, for serialization failures and deadlocks, until it succeeds', async () => {
    const before = { ...transactionRetries.retried };
    const codes = ['40001', '40P01', '40001'];
    let calls = 0;
    const result = await retryOnConflict(async (attempt) => {
      calls++;
      const code = codes[attempt - 1];
      if (code) throw refusal(code);
      return 'stored';
    }, noSleep);
    expect(result).toBe('stored');
    expect(calls).toBe(4);
    expect(transactionRetries.retried['40001'] - before['40001']).toBe(2);
    expect(transactionRetries.retried['40P01'] - before['40P01']).toBe(1);
  });

  it('gives up after the bounded number of attempts and hands back the last refusal', async () => {
    const exhausted = transactionRetries.exhausted;
    let calls = 0;
    await expect(
      retryOnConflict(async () => {
        calls++;
        throw refusal('40P01');
      }, { ...noSleep, attempts: 3 }),
    ).rejects.toMatchObject({ code: '40P01' });
    expect(calls).toBe(3);
    expect(transactionRetries.exhausted).toBe(exhausted + 1);
  });

  it('never retries any other error', async () => {
    for (const err of [refusal('23505'), refusal('57P01'), new Error('plain'), null]) {
      let calls = 0;
      await expect(
        retryOnConflict(async () => {
          calls++;
          throw err;
        }, noSleep),
      ).rejects.toBe(err);
      expect(calls).toBe(1);
    }
  });

  it('waits a jittered, doubling, capped backoff between attempts', async () => {
    const waits: number[] = [];
    await expect(
      retryOnConflict(
        async () => {
          throw refusal('40001');
        },
        { attempts: 7, baseDelayMs: 10, maxDelayMs: 100, random: () => 0.999, sleep: async (ms) => void waits.push(ms) },
      ),
    ).rejects.toMatchObject({ code: '40001' });
    expect(waits).toEqual([10, 20, 40, 80, 100, 100]);
    const low: number[] = [];
    await expect(
      retryOnConflict(
        async () => {
          throw refusal('40001');
        },
        { attempts: 3, random: () => 0, sleep: async (ms) => void low.push(ms) },
      ),
    ).rejects.toMatchObject({ code: '40001' });
    expect(low).toEqual([1, 1]);
  });

  it('reads the SQLSTATE from TypeORM\'s wrapper as well as from the driver error', () => {
    expect(retryableSqlState({ driverError: { code: '40001' } })).toBe('40001');
    expect(retryableSqlState({ code: '40P01' })).toBe('40P01');
    expect(retryableSqlState({ code: '23505' })).toBeNull();
    expect(retryableSqlState(undefined)).toBeNull();
  });
});

describe('retryTransaction on PostgreSQL', () => {
  it('re-runs a REPEATABLE READ transaction that PostgreSQL refused with 40001, and the second run commits', async () => {
    const db = await createTestDatabase();
    const ds = createDataSource(db.url, { poolSize: 3, quiet: true });
    await ds.initialize();
    try {
      await ds.query(`CREATE TABLE retry_probe (id int PRIMARY KEY, n int NOT NULL)`);
      await ds.query(`INSERT INTO retry_probe VALUES (1, 0)`);
      const attempts: number[] = [];
      const before = transactionRetries.retried['40001'];
      await retryTransaction(
        ds,
        async (m, attempt) => {
          attempts.push(attempt);
          await m.query(`SELECT n FROM retry_probe WHERE id = 1`);
          // Another writer commits after this transaction's snapshot was taken (first run only).
          if (attempt === 1) await ds.query(`UPDATE retry_probe SET n = n + 100 WHERE id = 1`);
          await m.query(`UPDATE retry_probe SET n = n + 1 WHERE id = 1`);
        },
        { isolation: 'REPEATABLE READ', ...noSleep },
      );
      expect(attempts).toEqual([1, 2]);
      expect(transactionRetries.retried['40001']).toBe(before + 1);
      expect(await ds.query(`SELECT n FROM retry_probe`)).toEqual([{ n: 101 }]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
