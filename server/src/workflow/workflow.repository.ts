import { Injectable } from '@nestjs/common';
import type { DraftPhase } from '@omnibus/shared';
import type { Selection } from 'kysely';
import { EntityManager } from 'typeorm';
import type { DB } from '../database/db-types';
import { countOf, kysely, now } from '../database/kysely';

const WORKFLOW_COLUMNS = ['draft_id as draftId', 'phase', 'comment_deadline as commentDeadline'] as const;

/** The draft's phase and comment deadline, typed by the generated schema types. */
export type WorkflowRow = Selection<DB, 'draft_workflow', (typeof WORKFLOW_COLUMNS)[number]>;

/** The draft's phase and comment deadline. A draft without a row is still being drafted. */
@Injectable()
export class WorkflowRepository {
  async get(m: EntityManager, draftId: string, lock: 'none' | 'share' = 'none'): Promise<WorkflowRow> {
    const query = kysely(m).selectFrom('draft_workflow').select(WORKFLOW_COLUMNS).where('draft_id', '=', draftId);
    const row = await (lock === 'share' ? query.forShare() : query).executeTakeFirst();
    return row ?? { draftId, phase: 'drafting', commentDeadline: null };
  }

  async save(m: EntityManager, row: WorkflowRow): Promise<void> {
    await kysely(m)
      .insertInto('draft_workflow')
      .values({ draft_id: row.draftId, phase: row.phase, comment_deadline: row.commentDeadline })
      .onConflict((oc) => oc.column('draft_id').doUpdateSet({ phase: row.phase, comment_deadline: row.commentDeadline, updated_at: now() }))
      .execute();
  }

  async timeZone(m: EntityManager, committeeId: string): Promise<string> {
    const row = await kysely(m).selectFrom('committee').select('time_zone as timeZone').where('id', '=', committeeId).executeTakeFirst();
    return row?.timeZone ?? 'UTC';
  }

  async versionsPublished(m: EntityManager, draftId: string, inPhase?: DraftPhase): Promise<number> {
    let query = kysely(m).selectFrom('draft_version').select((eb) => eb.fn.countAll().as('n')).where('draft_id', '=', draftId);
    if (inPhase !== undefined) query = query.where('phase', '=', inPhase);
    return countOf(await query.executeTakeFirst());
  }

  async paragraphsNotApproved(m: EntityManager, draftId: string): Promise<number> {
    const row = await kysely(m)
      .selectFrom('paragraph')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('draft_id', '=', draftId)
      .where('status', 'not in', ['approved', 'deleted', 'withdrawn'])
      .executeTakeFirst();
    return countOf(row);
  }

  async committee(m: EntityManager, committeeId: string): Promise<{ name: string; acronym: string; period: string; timeZone: string }[]> {
    return kysely(m).selectFrom('committee').select(['name', 'acronym', 'period', 'time_zone as timeZone']).where('id', '=', committeeId).execute();
  }
}
