import { Injectable } from '@nestjs/common';
import type { Role, SessionEndReason } from '@omnibus/shared';
import type { SessionState } from '../auth/sessions.repository';
import { DataSource, EntityManager } from 'typeorm';

export interface UserRow {
  id: string;
  committeeId: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  delegationId: string | null;
  delegationCode: string | null;
  disabled: boolean;
}

const SELECT_USER = `
  SELECT u.id, u.committee_id AS "committeeId", u.username, u.display_name AS "displayName",
         u.password_hash AS "passwordHash", u.role, u.delegation_id AS "delegationId",
         d.code AS "delegationCode", u.disabled
    FROM app_user u LEFT JOIN delegation d ON d.id = u.delegation_id`;

@Injectable()
export class UsersRepository {
  constructor(private readonly db: DataSource) {}

  async findByUsername(username: string): Promise<UserRow | null> {
    const rows: UserRow[] = await this.db.query(`${SELECT_USER} WHERE u.username = $1`, [username.toLowerCase()]);
    return rows[0] ?? null;
  }

  async findById(id: string): Promise<UserRow | null> {
    const rows: UserRow[] = await this.db.query(`${SELECT_USER} WHERE u.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The account and one of its sign-in sessions, in one query (every authenticated request asks). */
  async findWithSession(userId: string, sessionId: string): Promise<{ user: UserRow; session: SessionState | null } | null> {
    const rows: (UserRow & { sid: string | null; sExpiresAt: Date | null; sEndedAt: Date | null; sEndReason: SessionEndReason | null })[] = await this.db.query(
      `SELECT q.*, s.id AS sid, s.expires_at AS "sExpiresAt", s.ended_at AS "sEndedAt", s.end_reason AS "sEndReason"
         FROM (${SELECT_USER} WHERE u.id = $1) q
         LEFT JOIN auth_session s ON s.id = $2 AND s.user_id = q.id`,
      [userId, sessionId],
    );
    const r = rows[0];
    if (!r) return null;
    const { sid, sExpiresAt, sEndedAt, sEndReason, ...user } = r;
    const session: SessionState | null =
      sid === null ? null : { id: sid, userId: user.id, expiresAt: sExpiresAt as Date, endedAt: sEndedAt, endReason: sEndReason, disabled: user.disabled };
    return { user, session };
  }

  /** Disables or re-enables an account; false when it is not in the committee. */
  async setDisabled(manager: EntityManager, committeeId: string, userId: string, disabled: boolean): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [, count]: [unknown[], number] = await manager.query(`UPDATE app_user SET disabled = $3 WHERE id = $1 AND committee_id = $2`, [userId, committeeId, disabled]);
    return count > 0;
  }

  async insert(
    manager: EntityManager,
    user: { committeeId: string; username: string; displayName: string; passwordHash: string; role: Role; delegationId: string | null },
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO app_user (committee_id, username, display_name, password_hash, role, delegation_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [user.committeeId, user.username, user.displayName, user.passwordHash, user.role, user.delegationId],
    );
    return rows[0]!.id;
  }
}
