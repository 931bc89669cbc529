import { Injectable } from '@nestjs/common';
import type { AuditEventView } from '@omnibus/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  draftId: string | null;
  before?: unknown;
  after?: unknown;
}


/** Writes the append-only history in the same transaction as the change it records. */
@Injectable()
export class AuditService {
  constructor(private readonly db: DataSource) {}

  async record(manager: EntityManager, actor: Actor | null, entry: AuditEntry, committeeId?: string): Promise<void> {
    await this.recordMany(manager, [{ actor, entry }], committeeId);
  }

  /** Several entries in one statement (the co-editing projection writes one per paragraph it stores). */
  async recordMany(manager: EntityManager, entries: readonly { actor: Actor | null; entry: AuditEntry }[], committeeId?: string): Promise<void> {
    // PostgreSQL takes at most 65,535 parameters in one statement: 1,000 rows of 11 stay well under.
    for (let from = 0; from < entries.length; from += 1_000) {
      await this.insertRows(manager, entries.slice(from, from + 1_000), committeeId);
    }
  }

  private async insertRows(manager: EntityManager, entries: readonly { actor: Actor | null; entry: AuditEntry }[], committeeId: string | undefined): Promise<void> {
    const values = entries.flatMap(({ actor, entry }) => [
      actor?.committeeId ?? committeeId ?? null,
      entry.draftId,
      actor?.userId ?? null,
      actor?.username ?? null,
      actor?.role ?? null,
      actor?.delegationCode ?? null,
      entry.action,
      entry.targetType,
      entry.targetId,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
    ]);
    const rows = entries.map((_, i) => `(${Array.from({ length: 11 }, (__, k) => `$${i * 11 + k + 1}`).join(', ')})`);
    await manager.query(
      `INSERT INTO audit_event (committee_id, draft_id, actor_user_id, actor_username, actor_role, actor_delegation,
                                action, target_type, target_id, before, after)
       VALUES ${rows.join(', ')}`,
      values,
    );
  }

  async forDraft(draftId: string, options: { afterId?: string; limit: number; targetId?: string }): Promise<AuditEventView[]> {
    const rows: {
      id: string;
      at: Date;
      action: string;
      target_type: string;
      target_id: string | null;
      actor_user_id: string | null;
      actor_username: string | null;
      actor_role: string | null;
      actor_delegation: string | null;
      before: unknown;
      after: unknown;
    }[] = await this.db.query(
      `SELECT * FROM audit_event
        WHERE draft_id = $1 AND id > $2 AND ($4::text IS NULL OR target_id = $4)
        ORDER BY id LIMIT $3`,
      [draftId, options.afterId ?? '0', options.limit, options.targetId ?? null],
    );
    return rows.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      actor: { userId: r.actor_user_id, username: r.actor_username, role: r.actor_role, delegation: r.actor_delegation },
      before: r.before,
      after: r.after,
    }));
  }
}
