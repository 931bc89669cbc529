import { Injectable } from '@nestjs/common';
import type { Literal, ParagraphKind, ParagraphOrigin, ParagraphStatus } from '@omnibus/shared';
import { EntityManager } from 'typeorm';
import type { ParagraphRow } from '../drafts/drafts.repository';

const COLUMNS = `id, draft_id AS "draftId", section_id AS "sectionId", kind, label, origin, status, text, literals,
  proposer_delegation_id AS "proposerDelegationId", version, updated_at AS "updatedAt"`;

export interface LockedParagraph extends ParagraphRow {
  draftId: string;
}

@Injectable()
export class ParagraphsRepository {
  async find(manager: EntityManager, id: string): Promise<LockedParagraph | null> {
    const rows: LockedParagraph[] = await manager.query(`SELECT ${COLUMNS} FROM paragraph WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async lock(manager: EntityManager, id: string): Promise<LockedParagraph | null> {
    const rows: LockedParagraph[] = await manager.query(`SELECT ${COLUMNS} FROM paragraph WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  async insert(
    manager: EntityManager,
    p: {
      draftId: string;
      sectionId: string;
      kind: ParagraphKind;
      label: string;
      origin: ParagraphOrigin;
      text: string;
      literals: Literal[] | null;
      proposerDelegationId: string | null;
      createdBy: string | null;
      status?: ParagraphStatus;
    },
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO paragraph (draft_id, section_id, kind, label, origin, text, literals, proposer_delegation_id, created_by, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        p.draftId,
        p.sectionId,
        p.kind,
        p.label,
        p.origin,
        p.text,
        p.literals === null ? null : JSON.stringify(p.literals),
        p.proposerDelegationId,
        p.createdBy,
        p.status ?? 'pending',
      ],
    );
    return rows[0]!.id;
  }

  async update(
    manager: EntityManager,
    id: string,
    changes: { text?: string; literals?: Literal[]; status?: ParagraphStatus; sectionId?: string; label?: string },
  ): Promise<void> {
    const sets: string[] = [];
    const values: unknown[] = [id];
    const add = (column: string, value: unknown) => {
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    };
    if (changes.text !== undefined) add('text', changes.text);
    if (changes.literals !== undefined) add('literals', JSON.stringify(changes.literals));
    if (changes.status !== undefined) add('status', changes.status);
    if (changes.sectionId !== undefined) add('section_id', changes.sectionId);
    if (changes.label !== undefined) add('label', changes.label);
    await manager.query(
      `UPDATE paragraph SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`,
      values,
    );
  }

  async labelsInSection(manager: EntityManager, sectionId: string): Promise<{ id: string; label: string }[]> {
    return manager.query(`SELECT id, label FROM paragraph WHERE section_id = $1`, [sectionId]);
  }

  async openAmendmentCount(manager: EntityManager, paragraphId: string): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM amendment WHERE paragraph_id = $1 AND status = 'proposed'`,
      [paragraphId],
    );
    return rows[0]?.n ?? 0;
  }
}
