import { sql } from 'kysely';
import { createTestDatabase } from '../../../test/support/test-database';
import { createDataSource } from './data-source';
import { kysely } from './kysely';
import { retryTransaction, transactionRetries } from './transaction-retry';

const noSleep = { sleep: async () => undefined };

describe('Kysely on the TypeORM EntityManager', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: ReturnType<typeof createDataSource>;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource(db.url, { poolSize: 3, quiet: true });
    await ds.initialize();
  });

  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const setting = async (key: string) =>
    (await kysely(ds.manager).selectFrom('app_setting').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null;

  it('runs inside retryTransaction on its connection: the isolation holds, a refusal is retried, the second run commits', async () => {
    await kysely(ds.manager).insertInto('app_setting').values({ key: 'probe', value: '0' }).execute();
    const before = transactionRetries.retried['40001'];
    const seen: { attempt: number; isolation: string }[] = [];
    await retryTransaction(
      ds,
      async (m, attempt) => {
        const q = kysely(m);
        const { rows } = await sql<{ transaction_isolation: string }>`SHOW transaction_isolation`.execute(q);
        seen.push({ attempt, isolation: rows[0]!.transaction_isolation });
        const row = await q.selectFrom('app_setting').select('value').where('key', '=', 'probe').executeTakeFirstOrThrow();
        // Another writer commits after this transaction's snapshot was taken (first run only).
        if (attempt === 1) await kysely(ds.manager).updateTable('app_setting').set({ value: '100' }).where('key', '=', 'probe').execute();
        await q.updateTable('app_setting').set({ value: String(Number(row.value) + 1) }).where('key', '=', 'probe').execute();
      },
      { isolation: 'REPEATABLE READ', ...noSleep },
    );
    expect(seen).toEqual([
      { attempt: 1, isolation: 'repeatable read' },
      { attempt: 2, isolation: 'repeatable read' },
    ]);
    expect(transactionRetries.retried['40001']).toBe(before + 1);
    expect(await setting('probe')).toBe('101');
  });

  it('rolls its writes back with the transaction, and reports affected rows', async () => {
    await expect(
      retryTransaction(ds, async (m) => {
        await kysely(m).insertInto('app_setting').values({ key: 'rolled-back', value: 'x' }).execute();
        expect(await kysely(m).selectFrom('app_setting').select('value').where('key', '=', 'rolled-back').executeTakeFirst()).toEqual({ value: 'x' });
        throw new Error('give up');
      }),
    ).rejects.toThrow('give up');
    expect(await setting('rolled-back')).toBeNull();
    const updated = await kysely(ds.manager).updateTable('app_setting').set({ value: '7' }).where('key', 'in', ['probe', 'absent']).executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(1n);
  });

  it('refuses a transaction of its own: they are opened with retryTransaction', async () => {
    await expect(kysely(ds.manager).transaction().execute(async () => undefined)).rejects.toThrow(/retryTransaction/);
  });
});
