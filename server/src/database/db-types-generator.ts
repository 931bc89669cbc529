import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { createDataSource, migrate } from './data-source';
import { dropDatabase, ensureDatabase, withDatabase } from './database-url';

/** The committed file the generator writes and the drift test compares against. */
export const DB_TYPES_FILE = path.resolve(__dirname, 'db-types.ts');
const CONFIG_FILE = path.resolve(__dirname, '../../kysely-codegen.json');
// A development tool (npm run db:types and its drift test), not the server: it reads its own variable.
// eslint-disable-next-line no-restricted-properties
const DEFAULT_ADMIN_URL = process.env.OMNIBUS_LOCAL_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Writes the Kysely database types of the schema the migrations build: creates a scratch database
 * of its own name, applies every migration, lets kysely-codegen read the result into `outFile`, and
 * drops the database whatever happened.
 */
export async function generateDbTypes(outFile: string, adminUrl: string = DEFAULT_ADMIN_URL): Promise<void> {
  const name = `omnibus_types_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(adminUrl, name);
  try {
    const url = withDatabase(adminUrl, name);
    const ds = createDataSource(url, { poolSize: 1, applicationName: 'omnibus-db-types', quiet: true });
    await ds.initialize();
    try {
      await migrate(ds);
    } finally {
      await ds.destroy();
    }
    const bin = require.resolve('kysely-codegen/dist/cli/bin.js');
    // The URL goes through the environment: kysely-codegen reads it from there by default.
    await promisify(execFile)(process.execPath, [bin, '--config-file', CONFIG_FILE, '--out-file', outFile, '--log-level', 'error'], {
      // eslint-disable-next-line no-restricted-properties -- the child inherits this process's environment
      env: { ...process.env, DATABASE_URL: url },
    });
  } finally {
    await dropDatabase(adminUrl, name);
  }
}

if (require.main === module) {
  generateDbTypes(DB_TYPES_FILE).then(
    () => process.stdout.write(`Wrote ${path.relative(process.cwd(), DB_TYPES_FILE)} from the migrated schema.\n`),
    (err: unknown) => {
      process.stderr.write(`Could not generate the database types: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
