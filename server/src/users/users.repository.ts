import { Injectable } from '@nestjs/common';
import type { Role } from '@omnibus/shared';
import type { InferResult } from 'kysely';
import type { SessionState } from '../auth/sessions.repository';
import { DataSource, EntityManager } from 'typeorm';
import { kysely, type Database } from '../database/kysely';

/** An account with its delegation's code; typed by the generated schema types. */
const USER_COLUMNS = ['u.id', 'u.committee_id as committeeId', 'u.username', 'u.display_name as displayName', 'u.password_hash as passwordHash',
  'u.role', 'u.delegation_id as delegationId', 'd.code as delegationCode', 'u.disabled'] as const;
const selectUsers = (q: Database) => q.selectFrom('app_user as u').leftJoin('delegation as d', 'd.id', 'u.delegation_id').select(USER_COLUMNS);

export type UserRow = InferResult<ReturnType<typeof selectUsers>>[number];

export interface UserWithSession {
  user: UserRow;
  session: SessionState | null;
}

@Injectable()
export class UsersRepository {
  constructor(private readonly db: DataSource) {}

  async findByUsername(username: string): Promise<UserRow | null> {
    return (await selectUsers(kysely(this.db.manager)).where('u.username', '=', username.toLowerCase()).executeTakeFirst()) ?? null;
  }

  async findById(id: string): Promise<UserRow | null> {
    return (await selectUsers(kysely(this.db.manager)).where('u.id', '=', id).executeTakeFirst()) ?? null;
  }

  /** The account and one of its sign-in sessions (every authenticated request asks). */
  async findWithSession(userId: string, sessionId: string): Promise<UserWithSession | null> {
    return (await this.findWithSessions([{ userId, sessionId }]))[0] ?? null;
  }

  /**
   * Several accounts with one of their sessions each, in one query: requests and handshakes that
   * arrive together (a room's worth of people opening the draft at once) share a round trip.
   */
  async findWithSessions(keys: readonly { userId: string; sessionId: string }[]): Promise<(UserWithSession | null)[]> {
    if (keys.length === 0) return [];
    const db = kysely(this.db.manager);
    const rows = await db
      .selectFrom(selectUsers(db).where('u.id', 'in', [...new Set(keys.map((k) => k.userId))]).as('q'))
      .leftJoin('auth_session as s', (join) => join.on('s.id', 'in', [...new Set(keys.map((k) => k.sessionId))]).onRef('s.user_id', '=', 'q.id'))
      .selectAll('q')
      .select(['s.id as sid', 's.expires_at as sExpiresAt', 's.ended_at as sEndedAt', 's.end_reason as sEndReason'])
      .execute();
    return keys.map(({ userId, sessionId }) => {
      const mine = rows.filter((r) => r.id === userId);
      const first = mine[0];
      if (first === undefined) return null;
      const r = mine.find((x) => x.sid === sessionId);
      const { sid: _sid, sExpiresAt: _e, sEndedAt: _n, sEndReason: _r, ...user } = first;
      const session: SessionState | null = r === undefined ? null : { id: sessionId, userId, expiresAt: r.sExpiresAt as Date, endedAt: r.sEndedAt, endReason: r.sEndReason, disabled: user.disabled };
      return { user, session };
    });
  }

  /** Disables or re-enables an account; false when it is not in the committee. */
  async setDisabled(manager: EntityManager, committeeId: string, userId: string, disabled: boolean): Promise<boolean> {
    const result = await kysely(manager).updateTable('app_user').set({ disabled }).where('id', '=', userId).where('committee_id', '=', committeeId).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async insert(
    manager: EntityManager,
    user: { committeeId: string; username: string; displayName: string; passwordHash: string; role: Role; delegationId: string | null },
  ): Promise<string> {
    const row = await kysely(manager)
      .insertInto('app_user')
      .values({
        committee_id: user.committeeId,
        username: user.username,
        display_name: user.displayName,
        password_hash: user.passwordHash,
        role: user.role,
        delegation_id: user.delegationId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
}
