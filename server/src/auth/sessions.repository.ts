import { Injectable } from '@nestjs/common';
import type { SessionEndReason } from '@omnibus/shared';
import { sql } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import { kysely, now } from '../database/kysely';

export interface SessionState {
  id: string;
  userId: string;
  expiresAt: Date;
  endedAt: Date | null;
  endReason: SessionEndReason | null;
  disabled: boolean;
}

/** Why a session may no longer act, or null while it may. */
export function endReasonOf(s: SessionState | undefined, now = Date.now()): SessionEndReason | null {
  if (!s) return 'revoked';
  if (s.endedAt !== null) return s.endReason ?? 'revoked';
  if (s.disabled) return 'account_disabled';
  if (s.expiresAt.getTime() <= now) return 'expired';
  return null;
}

/** The `auth_session` rows: one per sign-in, shared by every instance through PostgreSQL. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly db: DataSource) {}

  async create(userId: string, ttlSeconds: number, maxSeconds: number): Promise<{ id: string; expiresAt: Date }> {
    return kysely(this.db.manager)
      .insertInto('auth_session')
      .values({
        user_id: userId,
        expires_at: sql<Date>`now() + make_interval(secs => LEAST(${ttlSeconds}::float8, ${maxSeconds}::float8))`,
        max_expires_at: sql<Date>`now() + make_interval(secs => ${maxSeconds}::float8)`,
      })
      .returning(['id', 'expires_at as expiresAt'])
      .executeTakeFirstOrThrow();
  }

  /** Moves the session's expiry to now + ttl (never past its maximum); null when it has ended, lapsed or its account is disabled. */
  async renew(id: string, ttlSeconds: number): Promise<Date | null> {
    const row = await kysely(this.db.manager)
      .updateTable('auth_session as s')
      .from('app_user as u')
      .set({ expires_at: sql<Date>`GREATEST(s.expires_at, LEAST(s.max_expires_at, now() + make_interval(secs => ${ttlSeconds}::float8)))` })
      .where('s.id', '=', id)
      .whereRef('u.id', '=', 's.user_id')
      .where('s.ended_at', 'is', null)
      .where('s.expires_at', '>', now())
      .where('u.disabled', '=', false)
      .returning('s.expires_at as expiresAt')
      .executeTakeFirst();
    return row?.expiresAt ?? null;
  }

  async states(ids: readonly string[]): Promise<Map<string, SessionState>> {
    if (ids.length === 0) return new Map();
    const rows: SessionState[] = await kysely(this.db.manager)
      .selectFrom('auth_session as s')
      .innerJoin('app_user as u', 'u.id', 's.user_id')
      .select(['s.id', 's.user_id as userId', 's.expires_at as expiresAt', 's.ended_at as endedAt', 's.end_reason as endReason', 'u.disabled'])
      .where('s.id', '=', sql<string>`ANY(${[...ids]}::uuid[])`)
      .execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Ends one session; true when it was still open. */
  async end(id: string, reason: SessionEndReason): Promise<boolean> {
    const result = await kysely(this.db.manager)
      .updateTable('auth_session')
      .set({ ended_at: now(), end_reason: reason })
      .where('id', '=', id)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Ends every open session of an account; how many there were. */
  async endAllOf(userId: string, reason: SessionEndReason, manager: EntityManager = this.db.manager): Promise<number> {
    const result = await kysely(manager)
      .updateTable('auth_session')
      .set({ ended_at: now(), end_reason: reason })
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Rows of sessions that ended or lapsed more than a day ago are of no further use. */
  async prune(): Promise<void> {
    await kysely(this.db.manager)
      .deleteFrom('auth_session')
      .where(sql<Date>`COALESCE(ended_at, expires_at)`, '<', sql<Date>`now() - interval '1 day'`)
      .execute();
  }
}
