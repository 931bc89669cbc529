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

  async insert(m: EntityManager, r: { draftId: string; paragraphId: string; delegationId: string; text: string; createdBy: string }): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO reservation (draft_id, paragraph_id, delegation_id, text, created_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (paragraph_id, delegation_id) DO NOTHING RETURNING id`,
      [r.draftId, r.paragraphId, r.delegationId, r.text, r.createdBy],
    );
    return rows[0]?.id ?? null;
  }
}
