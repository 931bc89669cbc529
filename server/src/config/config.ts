import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { GuardConfig, loadGuardConfig } from '../auth/guard-config';

/** Everything the server reads from its environment, read once at start. */
export interface AppConfig {
  port: number;
  host: string;
  /** Null means: start an embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  embeddedPostgresPort: number;
  production: boolean;
  /** Null means: use the secret stored in the database (generated on first start). */
  tokenSecret: string | null;
  tokenTtlSeconds: number;
  seedDemo: boolean;
  clientDir: string;
  logLevel: 'silent' | 'info';
  /** Bearer token for /api/metrics; null serves them to this machine only. */
  metricsToken: string | null;
  /** Sessions, sign-in limits, forwarded-address trust and per-connection budgets. */
  guard: GuardConfig;
}

export const REPO_ROOT = path.resolve(__dirname, findRepoRootOffset());

function findRepoRootOffset(): string {
  // Compiled code runs from server/dist/server/src/config, sources from server/src/config.
  return __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../../../..' : '../../..';
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`${name} must be a whole number between 0 and 65535, got "${value}"`);
  }
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const tokenSecret = env.TOKEN_SECRET && env.TOKEN_SECRET.length > 0 ? env.TOKEN_SECRET : null;
  if (tokenSecret !== null && tokenSecret.length < 32) {
    throw new Error('TOKEN_SECRET must be at least 32 characters long');
  }
  return {
    port: intFrom(env.PORT, 3000, 'PORT'),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL.length > 0 ? env.DATABASE_URL : null,
    dataDir: path.resolve(env.OMNIBUS_DATA_DIR ?? path.join(REPO_ROOT, '.data')),
    embeddedPostgresPort: intFrom(env.EMBEDDED_PG_PORT, 54329, 'EMBEDDED_PG_PORT'),
    production,
    tokenSecret,
    tokenTtlSeconds: intFrom(env.TOKEN_TTL_SECONDS, 30 * 60, 'TOKEN_TTL_SECONDS'),
    seedDemo: !production && env.OMNIBUS_SEED !== 'off',
    clientDir: path.join(REPO_ROOT, 'client', 'dist'),
    logLevel: env.OMNIBUS_LOG === 'silent' ? 'silent' : 'info',
    metricsToken: env.METRICS_TOKEN && env.METRICS_TOKEN.length > 0 ? env.METRICS_TOKEN : null,
    guard: loadGuardConfig(env),
  };
}

export function randomSecret(): string {
  return randomBytes(48).toString('base64url');
}
