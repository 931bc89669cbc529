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
  /** Whether OMNIBUS_DATA_DIR chose `dataDir` (else the server may keep the data elsewhere when it must). */
  dataDirChosen?: boolean;
  embeddedPostgresPort: number;
  production: boolean;
  /** Null means: use the secret stored in the database (generated on first start). */
  tokenSecret: string | null;
  tokenTtlSeconds: number;
  seedDemo: boolean;
  clientDir: string;
  /** How much the server logs (LOG_LEVEL; OMNIBUS_LOG=silent is kept as another way to say "silent"). */
  logLevel: LogLevel;
  /** Bearer token for /api/metrics; null serves them to this machine only. */
  metricsToken: string | null;
  /** Sessions, sign-in limits, forwarded-address trust and per-connection budgets. */
  guard: GuardConfig;
  /** The demo accounts' password chosen by the operator (OMNIBUS_DEMO_PASSWORD); null: the public "demo", on loopback only. */
  demoPassword?: string | null;
  /** Origin people reach the server at (e.g. https://omnibus.example.org), for addresses it writes; null: the local address. */
  publicUrl?: string | null;
}

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** LOG_LEVEL, unless OMNIBUS_LOG=silent (what the tests set) silences everything. */
function logLevelFrom(env: NodeJS.ProcessEnv): LogLevel {
  if (env.OMNIBUS_LOG === 'silent') return 'silent';
  const raw = env.LOG_LEVEL;
  if (raw !== undefined && raw !== '') {
    const level = raw.trim().toLowerCase();
    if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
    return level as LogLevel;
  }
  return 'info';
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
    host: env.HOST && env.HOST.length > 0 ? env.HOST : '127.0.0.1',
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL.length > 0 ? env.DATABASE_URL : null,
    dataDir: path.resolve(env.OMNIBUS_DATA_DIR ?? path.join(REPO_ROOT, '.data')),
    dataDirChosen: env.OMNIBUS_DATA_DIR !== undefined && env.OMNIBUS_DATA_DIR !== '',
    embeddedPostgresPort: intFrom(env.EMBEDDED_PG_PORT, 54329, 'EMBEDDED_PG_PORT'),
    production,
    tokenSecret,
    tokenTtlSeconds: intFrom(env.TOKEN_TTL_SECONDS, 30 * 60, 'TOKEN_TTL_SECONDS'),
    seedDemo: !production && env.OMNIBUS_SEED !== 'off',
    clientDir: path.join(REPO_ROOT, 'client', 'dist'),
    logLevel: logLevelFrom(env),
    metricsToken: env.METRICS_TOKEN && env.METRICS_TOKEN.length > 0 ? env.METRICS_TOKEN : null,
    guard: loadGuardConfig(env),
    publicUrl: publicUrlFrom(env.PUBLIC_URL),
    demoPassword: demoPasswordFrom(env.OMNIBUS_DEMO_PASSWORD),
  };
}

function demoPasswordFrom(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (value.length < 12) throw new Error('OMNIBUS_DEMO_PASSWORD must be at least 12 characters long: the demo accounts it protects can be reached from other machines');
  return value;
}

function publicUrlFrom(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute address such as https://omnibus.example.org, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`PUBLIC_URL must start with https:// or http://, got "${value}"`);
  }
  return url.href.replace(/\/+$/, '');
}

/** Whether a bind address is reachable from this machine only. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function randomSecret(): string {
  return randomBytes(48).toString('base64url');
}
