import { Injectable } from '@nestjs/common';
import type { Role } from '@omnibus/shared';
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
