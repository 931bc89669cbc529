import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ApplicableAmendment } from './agreed-text';

export interface OpenAmendment extends ApplicableAmendment {
  proposerDelegationId: string;
}

/** The amendments a decision settles: read the open ones, then mark each accepted or rejected. */
@Injectable()
export class SettlementRepository {
  async openAmendments(m: EntityManager, paragraphId: string): Promise<OpenAmendment[]> {
    return m.query(
      `SELECT id, kind, start_offset AS "start", end_offset AS "end", text, alternative_group AS "alternativeGroup",
              proposer_delegation_id AS "proposerDelegationId"
         FROM amendment WHERE paragraph_id = $1 AND status = 'proposed' ORDER BY created_at, id FOR UPDATE`,
      [paragraphId],
    );
  }

  /** Every open amendment of the paragraph becomes accepted (when listed) or rejected; returns those changed. */
  async settle(m: EntityManager, paragraphId: string, acceptedIds: readonly string[]): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `UPDATE amendment SET status = CASE WHEN id = ANY($2::uuid[]) THEN 'accepted' ELSE 'rejected' END,
              version = version + 1, updated_at = now()
        WHERE paragraph_id = $1 AND status = 'proposed' RETURNING id`,
      [paragraphId, acceptedIds],
    );
    return rows.map((r) => r.id);
  }
}
