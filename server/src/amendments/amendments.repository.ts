import { Injectable } from '@nestjs/common';
import type { AmendmentKind, AmendmentStatus } from '@omnibus/shared';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

export interface AmendmentRecord {
  id: string;
  draftId: string;
  paragraphId: string;
  kind: AmendmentKind;
  start: number;
  end: number;
  text: string;
  alternativeGroup: string | null;
  alternativeNumber: number | null;
  status: AmendmentStatus;
  proposerDelegationId: string;
  version: number;
}

const COLUMNS = `id, draft_id AS "draftId", paragraph_id AS "paragraphId", kind, start_offset AS "start", end_offset AS "end",
  text, alternative_group AS "alternativeGroup", alternative_number AS "alternativeNumber", status,
  proposer_delegation_id AS "proposerDelegationId", version`;

@Injectable()
export class AmendmentsRepository {
  async find(m: EntityManager, id: string): Promise<AmendmentRecord | null> {
    const rows: AmendmentRecord[] = await m.query(`SELECT ${COLUMNS} FROM amendment WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async lock(m: EntityManager, id: string): Promise<AmendmentRecord | null> {
    const rows: AmendmentRecord[] = await m.query(`SELECT ${COLUMNS} FROM amendment WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  async insert(
    m: EntityManager,
    a: Omit<AmendmentRecord, 'id' | 'status' | 'version'> & { createdBy: string },
  ): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO amendment (draft_id, paragraph_id, kind, start_offset, end_offset, text, alternative_group,
                              alternative_number, proposer_delegation_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [a.draftId, a.paragraphId, a.kind, a.start, a.end, a.text, a.alternativeGroup, a.alternativeNumber, a.proposerDelegationId, a.createdBy],
    );
    return rows[0]!.id;
  }

  async update(m: EntityManager, id: string, changes: { text?: string; status?: AmendmentStatus }): Promise<void> {
    await m.query(
      `UPDATE amendment SET text = COALESCE($2, text), status = COALESCE($3, status), version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, changes.text ?? null, changes.status ?? null],
    );
  }

  async newGroupId(_m: EntityManager): Promise<string> {
    return randomUUID();
  }

  async maxAlternativeNumber(m: EntityManager, group: string): Promise<number> {
    const rows: { n: number | null }[] = await m.query(
      `SELECT max(alternative_number)::int AS n FROM amendment WHERE alternative_group = $1`,
      [group],
    );
    return rows[0]?.n ?? 0;
  }
}
