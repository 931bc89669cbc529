/**
 * Tuning of the real-time path, read from the environment once per app. Redis is optional: without
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
  /** How long a room with no connection stays loaded, so a reconnecting client finds it warm. */
  idleCloseMs: number;
  /** How often an instance asks PostgreSQL whether it missed a batch another instance wrote. */
  catchUpEveryMs: number;
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

function num(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} must be a number between ${min} and ${max}, got "${raw}"`);
  return n;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
  return n;
}

/** The database name in a PostgreSQL URL, or `embedded` for the embedded server. */
function databaseName(url: string | undefined): string {
  if (!url) return 'embedded';
  try {
    return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
  } catch {
    return 'postgres';
  }
}

/** `databaseUrl`: the database this instance really uses (the embedded one's too), which names its Redis channels. */
export function loadCollabConfig(env: NodeJS.ProcessEnv = process.env, databaseUrl: string | undefined = env.DATABASE_URL): CollabConfig {
  const prefix = env.REDIS_PREFIX && env.REDIS_PREFIX.length > 0 ? env.REDIS_PREFIX : `omnibus:${databaseName(databaseUrl)}`;
  if (prefix.length > 200 || /\s/.test(prefix)) throw new Error(`REDIS_PREFIX must be at most 200 characters without spaces, got "${prefix}"`);
  return {
    redisUrl: env.REDIS_URL && env.REDIS_URL.length > 0 ? env.REDIS_URL : null,
    redisPrefix: prefix,
    compactAfterRows: int(env, 'COLLAB_COMPACT_AFTER_ROWS', 1000, 2, 100_000),
    projectEveryMs: int(env, 'COLLAB_PROJECT_EVERY_MS', 1000, 20, 60_000),
    awarenessEveryMs: int(env, 'COLLAB_AWARENESS_EVERY_MS', 100, 10, 5_000),
    pacing: {
      batchFreeUpTo: int(env, 'COLLAB_BATCH_FREE_UP_TO', 50, 0, 100_000),
      batchMsPerPerson: num(env, 'COLLAB_BATCH_MS_PER_PERSON', 0.38, 0, 10),
      batchMaxMs: int(env, 'COLLAB_BATCH_MAX_MS', 40, 0, 1_000),
      awarenessMsPerPerson: num(env, 'COLLAB_AWARENESS_MS_PER_PERSON', 10, 0, 100),
      awarenessMaxMs: int(env, 'COLLAB_AWARENESS_MAX_MS', 1_000, 10, 10_000),
    },
    idleCloseMs: int(env, 'COLLAB_IDLE_CLOSE_MS', 30_000, 0, 3_600_000),
    catchUpEveryMs: int(env, 'COLLAB_CATCH_UP_EVERY_MS', 2_000, 50, 60_000),
    instanceId: env.COLLAB_INSTANCE_ID ?? `${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
  };
}
