import { Injectable } from '@nestjs/common';
import type { ConsultationStatus, ConsultationView } from '@omnibus/shared';
import { EntityManager } from 'typeorm';

interface ConsultationRow {
  id: string;
  paragraphId: string;
  sectionKey: string;
  label: string;
  leadDelegationId: string;
  leadDelegation: string;
  status: ConsultationStatus;
  note: string | null;
  openedAt: Date;
  updatedAt: Date;
}

const SELECT = `SELECT c.id, c.paragraph_id AS "paragraphId", s.key AS "sectionKey", p.label, c.lead_delegation_id AS "leadDelegationId",
       d.code AS "leadDelegation", c.status, c.note, c.opened_at AS "openedAt", c.updated_at AS "updatedAt"
  FROM consultation c
  JOIN paragraph p ON p.id = c.paragraph_id
  JOIN section s ON s.id = p.section_id
  JOIN delegation d ON d.id = c.lead_delegation_id`;

export const consultationView = (r: ConsultationRow): ConsultationView => ({
  id: r.id,
  paragraphId: r.paragraphId,
  sectionKey: r.sectionKey,
  label: r.label,
  leadDelegation: r.leadDelegation,
  status: r.status,
  note: r.note,
  openedAt: r.openedAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** Informal consultations on paragraphs held in brackets: at most one under way per paragraph. */
@Injectable()
export class ConsultationsRepository {
  async list(m: EntityManager, draftId: string): Promise<ConsultationRow[]> {
    return m.query(`${SELECT} WHERE c.draft_id = $1 ORDER BY c.opened_at, c.id`, [draftId]);
  }

  async find(m: EntityManager, id: string, lock = false): Promise<(ConsultationRow & { draftId: string }) | null> {
    const rows: (ConsultationRow & { draftId: string })[] = await m.query(
      `${SELECT.replace('SELECT c.id,', 'SELECT c.id, c.draft_id AS "draftId",')} WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async activeFor(m: EntityManager, paragraphId: string): Promise<ConsultationRow | null> {
    const rows: ConsultationRow[] = await m.query(`${SELECT} WHERE c.paragraph_id = $1 AND c.status <> 'concluded'`, [paragraphId]);
    return rows[0] ?? null;
  }

  /** Holding a paragraph again keeps one consultation going, under the lead now named. */
  async hold(m: EntityManager, c: { draftId: string; paragraphId: string; leadDelegationId: string; sessionId: string }): Promise<string> {
    const existing = await this.activeFor(m, c.paragraphId);
    if (existing) {
      await m.query(
        `UPDATE consultation SET lead_delegation_id = $2, status = 'open', returned_in_session = NULL, updated_at = clock_timestamp() WHERE id = $1`,
        [existing.id, c.leadDelegationId],
      );
      return existing.id;
    }
    const rows: { id: string }[] = await m.query(
      `INSERT INTO consultation (draft_id, paragraph_id, lead_delegation_id, opened_in_session) VALUES ($1, $2, $3, $4) RETURNING id`,
      [c.draftId, c.paragraphId, c.leadDelegationId, c.sessionId],
    );
    return rows[0]!.id;
  }

  async setStatus(m: EntityManager, id: string, status: ConsultationStatus, extra: { note?: string; sessionId?: string } = {}): Promise<void> {
    await m.query(
      `UPDATE consultation SET status = $2, note = COALESCE($3, note), returned_in_session = COALESCE($4, returned_in_session),
              updated_at = clock_timestamp() WHERE id = $1`,
      [id, status, extra.note ?? null, extra.sessionId ?? null],
    );
  }
}
