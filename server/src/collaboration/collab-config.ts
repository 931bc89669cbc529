import type { AppConfig } from '../config/config';
import { ConfigError, isRedisPrefix, type Environment } from '../config/schema';

/**
 * Tuning of the real-time path, derived from the app's one parsed configuration (config/schema.ts). Redis is optional: without
 * REDIS_URL one instance serves every draft alone (as `npm start` does); with it, instances share
 * drafts through Redis pub/sub and PostgreSQL.
 */
export interface CollabConfig {
  redisUrl: string | null;
  /**
   * Prefix of every Redis channel this deployment uses. Instances share a draft only when they share
   * the prefix; the default names the database, so two deployments (or a staging copy restored from
   * production, whose drafts keep their ids) on one Redis never exchange each other's updates.
   */
  redisPrefix: string;
  /** Update rows a draft accumulates before they are folded into its snapshot. */
  compactAfterRows: number;
  /** How often edited paragraphs are projected into the paragraph and amendment tables. */
  projectEveryMs: number;
  /** How often a room sends the awareness changes it collected (presence is throttled, not dropped). */
  awarenessEveryMs: number;
  /**
   * Pacing of big rooms (see `batchGapMs` and `awarenessGapMs` in room.ts): above `batchFreeUpTo`
   * people a room waits `batchMsPerPerson` × people (at most `batchMaxMs`) between two batches, and
   * sends presence at most every `awarenessMsPerPerson` × people (at most `awarenessMaxMs`).
   */
  pacing: Pacing;
  /** How long after a draft without a live document is made or changed (or after start) its document is made ahead of its first opening. */
  prepareAfterMs: number;
  /** How long a room with no connection stays loaded, so a reconnecting client finds it warm. */
  idleCloseMs: number;
  /** How often an instance asks PostgreSQL whether it missed a batch another instance wrote. */
  catchUpEveryMs: number;
  /** How long a Yjs client id stays leased to a page that went without closing (see `CollabWritersRepository`). */
  writerLeaseMs: number;
  /** A name for this process in logs and update rows. */
  instanceId: string;
}

export interface Pacing {
  batchFreeUpTo: number;
  batchMsPerPerson: number;
  batchMaxMs: number;
  awarenessMsPerPerson: number;
  awarenessMaxMs: number;
}

export const COLLAB_CONFIG = Symbol('COLLAB_CONFIG');

/** The database name in a PostgreSQL URL, or `embedded` for the embedded server. */
function databaseName(url: string | undefined): string {
  if (!url) return 'embedded';
  try {
    return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
  } catch {
    return 'postgres';
  }
}

/** The real-time settings of the parsed environment; the Redis prefix is settled once the database is known (`collabConfigFor`). */
export type CollabSettings = Omit<CollabConfig, 'redisUrl' | 'redisPrefix'>;

export function collabSettingsFrom(env: Environment): CollabSettings {
  return {
    compactAfterRows: env.COLLAB_COMPACT_AFTER_ROWS,
    projectEveryMs: env.COLLAB_PROJECT_EVERY_MS,
    awarenessEveryMs: env.COLLAB_AWARENESS_EVERY_MS,
    pacing: {
      batchFreeUpTo: env.COLLAB_BATCH_FREE_UP_TO,
      batchMsPerPerson: env.COLLAB_BATCH_MS_PER_PERSON,
      batchMaxMs: env.COLLAB_BATCH_MAX_MS,
      awarenessMsPerPerson: env.COLLAB_AWARENESS_MS_PER_PERSON,
      awarenessMaxMs: env.COLLAB_AWARENESS_MAX_MS,
    },
    idleCloseMs: env.COLLAB_IDLE_CLOSE_MS,
    prepareAfterMs: env.COLLAB_PREPARE_AFTER_MS,
    catchUpEveryMs: env.COLLAB_CATCH_UP_EVERY_MS,
    writerLeaseMs: env.COLLAB_WRITER_LEASE_MS,
    instanceId: env.COLLAB_INSTANCE_ID,
  };
}

/**
 * The app's real-time configuration. `databaseUrl`: the database this instance really uses (the
 * embedded one's too), whose name is the default Redis prefix.
 */
export function collabConfigFor(config: Pick<AppConfig, 'collab' | 'redis'>, databaseUrl: string | undefined): CollabConfig {
  const redisPrefix = config.redis.prefix ?? `omnibus:${databaseName(databaseUrl)}`;
  if (!isRedisPrefix(redisPrefix)) {
    throw new ConfigError([`REDIS_PREFIX must be set: the default made from the database's name, "${redisPrefix}", is not at most 200 characters without spaces`]);
  }
  return { ...config.collab, redisUrl: config.redis.url, redisPrefix };
}
