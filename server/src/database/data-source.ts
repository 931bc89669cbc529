import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';

/**
 * The one way this codebase opens PostgreSQL: our migrations, never synchronize. No entities: the
 * repositories query through Kysely (./kysely.ts) with types generated from the migrated schema.
 */
export function createDataSource(url: string, options: { poolSize?: number; applicationName?: string; quiet?: boolean } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: [],
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'all',
    logging: options.quiet ? false : ['error'],
    poolSize: options.poolSize ?? 20,
    applicationName: options.applicationName ?? 'omnibus',
  });
}

export async function migrate(dataSource: DataSource): Promise<string[]> {
  const ran = await dataSource.runMigrations({ transaction: 'all' });
  return ran.map((m) => m.name);
}
