import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { GuardConfig, guardConfigFrom } from '../auth/guard-config';
import { collabSettingsFrom, type CollabSettings } from '../collaboration/collab-config';
import { parseEnvironment, type Environment, type LogLevel } from './schema';

export { LOG_LEVELS, type LogLevel } from './schema';

/**
 * Everything the server reads from its environment, parsed once (config/schema.ts declares every
 * variable) and handed to the modules through Nest (APP_CONFIG); no module reads the environment itself.
 */
export interface AppConfig {
  port: number;
  host: string;
  /** Null means: start an embedded PostgreSQL (`embeddedPostgres`). */
  databaseUrl: string | null;
  embeddedPostgres: EmbeddedPostgresConfig;
  production: boolean;
  /** Null means: use the secret stored in the database (generated on first start). */
  tokenSecret: string | null;
  tokenTtlSeconds: number;
  seedDemo: boolean;
  clientDir: string;
  logging: LoggingConfig;
  /** Bearer token for /api/metrics; null serves them to this machine only. */
  metricsToken: string | null;
  /** Sessions, sign-in limits, forwarded-address trust and per-connection budgets. */
  guard: GuardConfig;
  /** Real-time co-editing: batching, pacing, projection, idle rooms (the Redis prefix is settled with the database, collabConfigFor). */
  collab: CollabSettings;
  redis: RedisConfig;
  chromium: ChromiumConfig;
  /** The demo accounts' password chosen by the operator (OMNIBUS_DEMO_PASSWORD); null: the public "demo", on loopback only. */
  demoPassword: string | null;
  /** Origin people reach the server at (e.g. https://omnibus.example.org), for addresses it writes; null: the local address. */
  publicUrl: string | null;
}

export interface EmbeddedPostgresConfig {
  /** Where its data lives (OMNIBUS_DATA_DIR, else the project's `.data`). */
  dataDir: string;
  /** Whether OMNIBUS_DATA_DIR chose `dataDir` (else the server may keep the data elsewhere when it must). */
  dataDirChosen: boolean;
  port: number;
}

export interface LoggingConfig {
  /** How much the server logs (LOG_LEVEL; OMNIBUS_LOG=silent is kept as another way to say "silent"). */
  level: LogLevel;
}

export interface RedisConfig {
  /** Null: one instance, no Redis. */
  url: string | null;
  /** Null: `omnibus:<database name>`, settled once the database is known. */
  prefix: string | null;
}

export interface ChromiumConfig {
  /** The Chromium that prints PDF exports. */
  path: string;
}

export const REPO_ROOT = path.resolve(__dirname, findRepoRootOffset());

function findRepoRootOffset(): string {
  // Compiled code runs from server/dist/server/src/config, sources from server/src/config.
  return __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../../../..' : '../../..';
}

/** Parses `env` (main.ts passes process.env; tests their own object) into the app's configuration; throws a ConfigError naming every problem. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): AppConfig {
  return appConfigFrom(parseEnvironment(env));
}

/** The app's configuration, every sub-configuration derived from the one parsed environment. */
export function appConfigFrom(env: Environment): AppConfig {
  const production = env.NODE_ENV === 'production';
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    embeddedPostgres: {
      dataDir: path.resolve(env.OMNIBUS_DATA_DIR ?? path.join(REPO_ROOT, '.data')),
      dataDirChosen: env.OMNIBUS_DATA_DIR !== null,
      port: env.EMBEDDED_PG_PORT,
    },
    production,
    tokenSecret: env.TOKEN_SECRET,
    tokenTtlSeconds: env.TOKEN_TTL_SECONDS,
    seedDemo: !production && env.OMNIBUS_SEED !== 'off',
    clientDir: path.join(REPO_ROOT, 'client', 'dist'),
    // OMNIBUS_LOG=silent (what the tests set) silences everything, whatever LOG_LEVEL says.
    logging: { level: env.OMNIBUS_LOG === 'silent' ? 'silent' : env.LOG_LEVEL },
    metricsToken: env.METRICS_TOKEN,
    guard: guardConfigFrom(env),
    collab: collabSettingsFrom(env),
    redis: { url: env.REDIS_URL, prefix: env.REDIS_PREFIX },
    chromium: { path: env.CHROMIUM_PATH },
    publicUrl: env.PUBLIC_URL,
    demoPassword: env.OMNIBUS_DEMO_PASSWORD,
  };
}

/** Whether a bind address is reachable from this machine only. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function randomSecret(): string {
  return randomBytes(48).toString('base64url');
}
