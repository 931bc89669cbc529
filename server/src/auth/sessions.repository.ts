import { Injectable } from '@nestjs/common';
import type { SessionEndReason } from '@omnibus/shared';
import { DataSource, EntityManager } from 'typeorm';

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
    const rows: { id: string; expiresAt: Date }[] = await this.db.query(
      `INSERT INTO auth_session (user_id, expires_at, max_expires_at)
       VALUES ($1, now() + make_interval(secs => LEAST($2::float8, $3::float8)), now() + make_interval(secs => $3::float8))
       RETURNING id, expires_at AS "expiresAt"`,
      [userId, ttlSeconds, maxSeconds],
    );
    return rows[0]!;
  }

  // TypeORM answers an UPDATE with [rows, affected count].

  /** Moves the session's expiry to now + ttl (never past its maximum); null when it has ended, lapsed or its account is disabled. */
  async renew(id: string, ttlSeconds: number): Promise<Date | null> {
    const [rows]: [{ expiresAt: Date }[], number] = await this.db.query(
      `UPDATE auth_session s
          SET expires_at = GREATEST(s.expires_at, LEAST(s.max_expires_at, now() + make_interval(secs => $2::float8)))
         FROM app_user u
        WHERE s.id = $1 AND u.id = s.user_id AND s.ended_at IS NULL AND s.expires_at > now() AND NOT u.disabled
        RETURNING s.expires_at AS "expiresAt"`,
      [id, ttlSeconds],
    );
    return rows[0]?.expiresAt ?? null;
  }

  async states(ids: readonly string[]): Promise<Map<string, SessionState>> {
    if (ids.length === 0) return new Map();
    const rows: SessionState[] = await this.db.query(
      `SELECT s.id, s.user_id AS "userId", s.expires_at AS "expiresAt", s.ended_at AS "endedAt", s.end_reason AS "endReason", u.disabled
         FROM auth_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Ends one session; true when it was still open. */
  async end(id: string, reason: SessionEndReason): Promise<boolean> {
    const [, count]: [unknown[], number] = await this.db.query(
      `UPDATE auth_session SET ended_at = now(), end_reason = $2 WHERE id = $1 AND ended_at IS NULL`,
      [id, reason],
    );
    return count > 0;
  }

  /** Ends every open session of an account; how many there were. */
  async endAllOf(userId: string, reason: SessionEndReason, manager: EntityManager = this.db.manager): Promise<number> {
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE auth_session SET ended_at = now(), end_reason = $2 WHERE user_id = $1 AND ended_at IS NULL `,
      [userId, reason],
    );
    return count;
  }

  /** Rows of sessions that ended or lapsed more than a day ago are of no further use. */
  async prune(): Promise<void> {
    await this.db.query(`DELETE FROM auth_session WHERE COALESCE(ended_at, expires_at) < now() - interval '1 day'`);
  }
}
