import { Injectable } from '@nestjs/common';
import type { AmendmentKind } from '@omnibus/shared';
import { EntityManager } from 'typeorm';

export interface DelegationRef {
  id: string;
  code: string;
  aliases: string[];
}

/** The rows an import writes besides paragraphs: the amendments its brackets propose, and their sponsors. */
@Injectable()
export class ImportsRepository {
  async delegations(m: EntityManager, committeeId: string): Promise<DelegationRef[]> {
    return m.query(`SELECT id, code, aliases FROM delegation WHERE committee_id = $1`, [committeeId]);
  }

  /** created_at from the clock, not the transaction: amendments at one point keep the order the text gave them. */
  async insertAmendment(
    m: EntityManager,
    a: {
      draftId: string;
      paragraphId: string;
      kind: AmendmentKind;
      start: number;
      end: number;
      text: string;
      alternativeGroup: string | null;
      alternativeNumber: number | null;
      proposerDelegationId: string;
      createdBy: string;
    },
  ): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO amendment (draft_id, paragraph_id, kind, start_offset, end_offset, text, alternative_group, alternative_number,
                              proposer_delegation_id, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, clock_timestamp()) RETURNING id`,
      [a.draftId, a.paragraphId, a.kind, a.start, a.end, a.text, a.alternativeGroup, a.alternativeNumber, a.proposerDelegationId, a.createdBy],
    );
    return rows[0]!.id;
  }

  /** Sponsors named in an imported text are recorded as having consented: the document is their proposal as filed. */
  async insertSponsorship(
    m: EntityManager,
    s: { draftId: string; target: { paragraphId: string } | { amendmentId: string }; delegationId: string; position: number; by: string },
  ): Promise<void> {
    await m.query(
      `INSERT INTO sponsorship (draft_id, paragraph_id, amendment_id, delegation_id, status, position, invited_by, responded_by, responded_at)
       VALUES ($1, $2, $3, $4, 'accepted', $5, $6, $6, now())`,
      [
        s.draftId,
        'paragraphId' in s.target ? s.target.paragraphId : null,
        'amendmentId' in s.target ? s.target.amendmentId : null,
        s.delegationId,
        s.position,
        s.by,
      ],
    );
  }

  async insertReservation(m: EntityManager, r: { draftId: string; paragraphId: string; delegationId: string; text: string; by: string }): Promise<void> {
    await m.query(
      `INSERT INTO reservation (draft_id, paragraph_id, delegation_id, text, created_by) VALUES ($1, $2, $3, $4, $5)`,
      [r.draftId, r.paragraphId, r.delegationId, r.text, r.by],
    );
  }
}
