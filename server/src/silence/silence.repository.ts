import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface SilenceRow {
  id: string;
  draftId: string;
  committeeId: string;
  status: 'open' | 'adopted' | 'broken';
  deadline: Date;
  note: string | null;
  startedAt: Date;
  concludedAt: Date | null;
}

export interface SilenceItemRow {
  paragraphId: string;
  sectionKey: string;
  label: string;
  text: string;
  acceptedAmendmentIds: string[];
}

export interface ObjectionRow {
  delegation: string;
  reason: string;
  createdAt: Date;
}

const PROCEDURE = `sp.id, sp.draft_id AS "draftId", d.committee_id AS "committeeId", sp.status, sp.deadline, sp.note,
  sp.started_at AS "startedAt", sp.concluded_at AS "concludedAt"`;

/** Silence procedures, the texts they circulate and the objections that break them. */
@Injectable()
export class SilenceRepository {
  async find(m: EntityManager, id: string, lock = false): Promise<SilenceRow | null> {
    const rows: SilenceRow[] = await m.query(
      `SELECT ${PROCEDURE} FROM silence_procedure sp JOIN draft d ON d.id = sp.draft_id WHERE sp.id = $1 ${lock ? 'FOR UPDATE OF sp' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async list(m: EntityManager, draftId: string): Promise<SilenceRow[]> {
    return m.query(`SELECT ${PROCEDURE} FROM silence_procedure sp JOIN draft d ON d.id = sp.draft_id WHERE sp.draft_id = $1 ORDER BY sp.started_at, sp.id`, [
      draftId,
    ]);
  }

  /** Open procedures whose deadline has come, of one draft or of all. */
  async due(m: EntityManager, now: Date, draftId: string | null): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM silence_procedure WHERE status = 'open' AND deadline <= $1 AND ($2::uuid IS NULL OR draft_id = $2) ORDER BY deadline`,
      [now, draftId],
    );
    return rows.map((r) => r.id);
  }

  async open(m: EntityManager): Promise<{ id: string; deadline: Date }[]> {
    return m.query(`SELECT id, deadline FROM silence_procedure WHERE status = 'open'`);
  }

  /** Paragraphs circulated under a procedure still running: no session may take them up meanwhile. */
  async underSilence(m: EntityManager, draftId: string): Promise<Set<string>> {
    const rows: { paragraphId: string }[] = await m.query(
      `SELECT i.paragraph_id AS "paragraphId" FROM silence_item i JOIN silence_procedure sp ON sp.id = i.procedure_id
        WHERE sp.draft_id = $1 AND sp.status = 'open'`,
      [draftId],
    );
    return new Set(rows.map((r) => r.paragraphId));
  }

  async insert(m: EntityManager, s: { draftId: string; deadline: Date; note: string | null; startedBy: string; startedAt: Date }): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO silence_procedure (draft_id, deadline, note, started_by, started_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [s.draftId, s.deadline, s.note, s.startedBy, s.startedAt],
    );
    return rows[0]!.id;
  }

  async addItem(m: EntityManager, procedureId: string, position: number, item: { paragraphId: string; text: string; acceptedAmendmentIds: readonly string[] }): Promise<void> {
    await m.query(`INSERT INTO silence_item (procedure_id, paragraph_id, position, text, accepted_amendment_ids) VALUES ($1, $2, $3, $4, $5)`, [
      procedureId,
      item.paragraphId,
      position,
      item.text,
      item.acceptedAmendmentIds,
    ]);
  }

  async items(m: EntityManager, procedureId: string): Promise<SilenceItemRow[]> {
    return m.query(
      `SELECT i.paragraph_id AS "paragraphId", s.key AS "sectionKey", p.label, i.text, i.accepted_amendment_ids AS "acceptedAmendmentIds"
         FROM silence_item i JOIN paragraph p ON p.id = i.paragraph_id JOIN section s ON s.id = p.section_id
        WHERE i.procedure_id = $1 ORDER BY i.position`,
      [procedureId],
    );
  }

  async objections(m: EntityManager, procedureId: string): Promise<ObjectionRow[]> {
    return m.query(
      `SELECT d.code AS delegation, o.reason, o.created_at AS "createdAt"
         FROM silence_objection o JOIN delegation d ON d.id = o.delegation_id WHERE o.procedure_id = $1 ORDER BY o.created_at, o.id`,
      [procedureId],
    );
  }

  async addObjection(m: EntityManager, o: { procedureId: string; delegationId: string; userId: string; reason: string; at: Date }): Promise<boolean> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO silence_objection (procedure_id, delegation_id, user_id, reason, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (procedure_id, delegation_id) DO NOTHING RETURNING id`,
      [o.procedureId, o.delegationId, o.userId, o.reason, o.at],
    );
    return rows.length > 0;
  }

  async conclude(m: EntityManager, id: string, status: 'adopted' | 'broken', at: Date): Promise<void> {
    await m.query(`UPDATE silence_procedure SET status = $2, concluded_at = $3 WHERE id = $1`, [id, status, at]);
  }
}
