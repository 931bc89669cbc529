import {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  QueryResult,
  RawBuilder,
  sql,
} from 'kysely';
import type { EntityManager, QueryResult as TypeOrmQueryResult } from 'typeorm';
import type { DB } from './db-types';

export type Database = Kysely<DB>;

/**
 * Runs Kysely's compiled statements through a TypeORM EntityManager: inside `retryTransaction` on
 * the transaction's own connection (so its isolation level and its retries cover them), outside on
 * a pooled connection for one statement, exactly as `manager.query` does. Errors are TypeORM's
 * QueryFailedError around the pg error, as before.
 */
class ManagerConnection implements DatabaseConnection {
  constructor(private readonly manager: EntityManager) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const own = this.manager.queryRunner;
    const runner = own ?? this.manager.connection.createQueryRunner();
    try {
      const result = (await runner.query(compiled.sql, [...compiled.parameters], true)) as TypeOrmQueryResult<R>;
      return {
        rows: result.records ?? [],
        numAffectedRows: typeof result.affected === 'number' ? BigInt(result.affected) : undefined,
      };
    } finally {
      if (!own) await runner.release();
    }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not offered through a TypeORM EntityManager.');
  }
}

const NO_TRANSACTIONS = 'Transactions are opened with retryTransaction (server/src/database/transaction-retry.ts), not through Kysely.';

class ManagerDriver implements Driver {
  constructor(private readonly manager: EntityManager) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new ManagerConnection(this.manager);
  }
  async beginTransaction(): Promise<void> {
    throw new Error(NO_TRANSACTIONS);
  }
  async commitTransaction(): Promise<void> {
    throw new Error(NO_TRANSACTIONS);
  }
  async rollbackTransaction(): Promise<void> {
    throw new Error(NO_TRANSACTIONS);
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

function managerDialect(manager: EntityManager): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new ManagerDriver(manager),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

const bound = new WeakMap<EntityManager, Database>();

/**
 * The typed query builder over `manager` (a transaction's manager, or `dataSource.manager` for a
 * statement of its own). One instance per manager, kept only as long as the manager lives.
 */
export function kysely(manager: EntityManager): Database {
  let db = bound.get(manager);
  if (!db) {
    db = new Kysely<DB>({ dialect: managerDialect(manager) });
    bound.set(manager, db);
  }
  return db;
}

/** PostgreSQL's `now()`: the start of the statement's transaction, as every `updated_at` records it. */
export const now = (): RawBuilder<Date> => sql<Date>`now()`;

/** The `n` of a `count(*) AS n` row (a bigint, which pg hands over as a string); 0 when there is no row. */
export const countOf = (row: { n: string | number | bigint } | undefined): number => Number(row?.n ?? 0);
