import { Injectable } from '@nestjs/common';
import type { AuditEventView } from '@omnibus/shared';
import type { Insertable } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import type { AuditEvent } from '../database/db-types';
import { kysely } from '../database/kysely';

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
    const rows: Insertable<AuditEvent>[] = entries.map(({ actor, entry }) => ({
      committee_id: actor?.committeeId ?? committeeId ?? null,
      draft_id: entry.draftId,
      actor_user_id: actor?.userId ?? null,
      actor_username: actor?.username ?? null,
      actor_role: actor?.role ?? null,
      actor_delegation: actor?.delegationCode ?? null,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    }));
    await kysely(manager).insertInto('audit_event').values(rows).execute();
  }

  async forDraft(draftId: string, options: { afterId?: string; limit: number; targetId?: string }): Promise<AuditEventView[]> {
    let query = kysely(this.db.manager)
      .selectFrom('audit_event')
      .selectAll()
      .where('draft_id', '=', draftId)
      .where('id', '>', options.afterId ?? '0');
    if (options.targetId !== undefined) query = query.where('target_id', '=', options.targetId);
    const rows = await query.orderBy('id').limit(options.limit).execute();
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
