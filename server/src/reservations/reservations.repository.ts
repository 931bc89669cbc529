import { Injectable } from '@nestjs/common';
import type { ReservationView } from '@omnibus/shared';
import { EntityManager } from 'typeorm';

interface ReservationRow {
  id: string;
  paragraphId: string;
  delegation: string;
  text: string;
  createdAt: Date;
}

export const reservationView = (r: ReservationRow): ReservationView => ({
  id: r.id,
  paragraphId: r.paragraphId,
  delegation: r.delegation,
  text: r.text,
  createdAt: r.createdAt.toISOString(),
});

const SELECT = `SELECT r.id, r.paragraph_id AS "paragraphId", d.code AS delegation, r.text, r.created_at AS "createdAt"
  FROM reservation r JOIN delegation d ON d.id = r.delegation_id`;

/** Reservations: one footnote per delegation per approved paragraph. */
@Injectable()
export class ReservationsRepository {
  async forDraft(m: EntityManager, draftId: string): Promise<ReservationRow[]> {
    return m.query(`${SELECT} WHERE r.draft_id = $1 ORDER BY r.created_at, r.id`, [draftId]);
  }

  async forParagraph(m: EntityManager, paragraphId: string): Promise<ReservationRow[]> {
    return m.query(`${SELECT} WHERE r.paragraph_id = $1 ORDER BY r.created_at, r.id`, [paragraphId]);
  }

  /** The reservation with what deciding on its withdrawal needs: whose it is and in which committee. */
  async find(m: EntityManager, id: string): Promise<(ReservationRow & { draftId: string; delegationId: string; committeeId: string }) | null> {
    const rows: (ReservationRow & { draftId: string; delegationId: string; committeeId: string })[] = await m.query(
      `SELECT r.id, r.paragraph_id AS "paragraphId", d.code AS delegation, r.text, r.created_at AS "createdAt",
              r.draft_id AS "draftId", r.delegation_id AS "delegationId", dr.committee_id AS "committeeId"
         FROM reservation r JOIN delegation d ON d.id = r.delegation_id JOIN draft dr ON dr.id = r.draft_id
        WHERE r.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** False when another request withdrew it first. */
  async delete(m: EntityManager, id: string): Promise<boolean> {
    const rows: { id: string }[] = await m.query(`DELETE FROM reservation WHERE id = $1 RETURNING id`, [id]);
    return rows.length > 0;
  }

  /**
   * Whether the committee's history records this reservation's withdrawal: a withdrawn reservation
   * leaves no row behind, and its audit entry is what tells "already withdrawn" from "never existed".
   */
  async wasWithdrawn(m: EntityManager, id: string, committeeId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM audit_event WHERE committee_id = $1 AND action = 'reservation.withdraw' AND target_type = 'reservation' AND target_id = $2 LIMIT 1`,
      [committeeId, id],
    );
    return rows.length > 0;
  }

  async insert(m: EntityManager, r: { draftId: string; paragraphId: string; delegationId: string; text: string; createdBy: string }): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO reservation (draft_id, paragraph_id, delegation_id, text, created_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (paragraph_id, delegation_id) DO NOTHING RETURNING id`,
      [r.draftId, r.paragraphId, r.delegationId, r.text, r.createdBy],
    );
    return rows[0]?.id ?? null;
  }
}
