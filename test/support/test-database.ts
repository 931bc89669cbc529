import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { canConnect, dropDatabase, ensureDatabase, withDatabase } from '../../server/src/database/database-url';

/** Where the global setup left the PostgreSQL server and the migrated, seeded template database. */
export interface TestDatabaseInfo {
  adminUrl: string;
  template: string;
  embeddedPid: number | null;
  source: 'env' | 'local' | 'embedded';
}

export const INFO_FILE = path.join(os.tmpdir(), `omnibus-test-db-${process.env.OMNIBUS_TEST_RUN ?? 'default'}.json`);

export function readInfo(): TestDatabaseInfo {
  const raw = process.env.OMNIBUS_TEST_DB ?? (fs.existsSync(INFO_FILE) ? fs.readFileSync(INFO_FILE, 'utf8') : null);
  if (!raw) throw new Error('The test database was not prepared: run the tests through `npm test` (Jest global setup).');
  return JSON.parse(raw) as TestDatabaseInfo;
}

// Overridable so the embedded fallback of a fresh machine can be exercised on one that has PostgreSQL.
export const LOCAL_POSTGRES = process.env.OMNIBUS_LOCAL_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Which PostgreSQL the tests use: TEST_DATABASE_URL or DATABASE_URL when set, else the one on
 * 127.0.0.1:5432 when it answers, else (never in CI) an embedded one.
 */
export async function locateServer(): Promise<{ adminUrl: string; source: 'env' | 'local' } | null> {
  const fromEnv = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (fromEnv) {
    const adminUrl = withDatabase(fromEnv, 'postgres');
    if (!(await canConnect(adminUrl, 5000))) throw new Error(`The database at TEST_DATABASE_URL/DATABASE_URL does not answer.`);
    return { adminUrl, source: 'env' };
  }
  if (await canConnect(LOCAL_POSTGRES, 2000)) return { adminUrl: LOCAL_POSTGRES, source: 'local' };
  return null;
}

/** A database of its own for one test file, copied from the migrated and seeded template. */
export async function createTestDatabase(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const info = readInfo();
  const name = `omnibus_t_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(info.adminUrl, name, info.template);
  return { url: withDatabase(info.adminUrl, name), name, drop: () => dropDatabase(info.adminUrl, name) };
}
