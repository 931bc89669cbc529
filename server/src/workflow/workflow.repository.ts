import { Injectable } from '@nestjs/common';
import type { DraftPhase } from '@omnibus/shared';
import { EntityManager } from 'typeorm';

export interface WorkflowRow {
  draftId: string;
  phase: DraftPhase;
  commentDeadline: Date | null;
}

/** The draft's phase and comment deadline. A draft without a row is still being drafted. */
@Injectable()
export class WorkflowRepository {
  async get(m: EntityManager, draftId: string, lock: 'none' | 'share' = 'none'): Promise<WorkflowRow> {
    const rows: WorkflowRow[] = await m.query(
      `SELECT draft_id AS "draftId", phase, comment_deadline AS "commentDeadline"
         FROM draft_workflow WHERE draft_id = $1 ${lock === 'share' ? 'FOR SHARE' : ''}`,
      [draftId],
    );
    return rows[0] ?? { draftId, phase: 'drafting', commentDeadline: null };
  }

  async save(m: EntityManager, row: WorkflowRow): Promise<void> {
    await m.query(
      `INSERT INTO draft_workflow (draft_id, phase, comment_deadline) VALUES ($1, $2, $3)
       ON CONFLICT (draft_id) DO UPDATE SET phase = $2, comment_deadline = $3, updated_at = now()`,
      [row.draftId, row.phase, row.commentDeadline],
    );
  }

  async timeZone(m: EntityManager, committeeId: string): Promise<string> {
    const rows: { timeZone: string }[] = await m.query(`SELECT time_zone AS "timeZone" FROM committee WHERE id = $1`, [committeeId]);
    return rows[0]?.timeZone ?? 'UTC';
  }

  async versionsPublished(m: EntityManager, draftId: string, inPhase?: DraftPhase): Promise<number> {
    const rows: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM draft_version WHERE draft_id = $1 AND ($2::text IS NULL OR phase = $2)`,
      [draftId, inPhase ?? null],
    );
    return rows[0]?.n ?? 0;
  }

  async paragraphsNotApproved(m: EntityManager, draftId: string): Promise<number> {
    const rows: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM paragraph WHERE draft_id = $1 AND status NOT IN ('approved','deleted','withdrawn')`,
      [draftId],
    );
    return rows[0]?.n ?? 0;
  }

  async committee(m: EntityManager, committeeId: string): Promise<{ name: string; acronym: string; period: string; timeZone: string }[]> {
    return m.query(`SELECT name, acronym, period, time_zone AS "timeZone" FROM committee WHERE id = $1`, [committeeId]);
  }
}
