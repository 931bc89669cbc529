import { Injectable } from '@nestjs/common';
import type { SponsorshipStatus } from '@omnibus/shared';
import { EntityManager } from 'typeorm';

export type SponsorTarget = { paragraphId: string } | { amendmentId: string };

export interface SponsorshipDetail {
  id: string;
  draftId: string;
  paragraphId: string | null;
  amendmentId: string | null;
  delegationId: string;
  code: string;
  status: SponsorshipStatus;
  position: number;
}

const COLUMNS = `s.id, s.draft_id AS "draftId", s.paragraph_id AS "paragraphId", s.amendment_id AS "amendmentId",
  s.delegation_id AS "delegationId", d.code, s.status, s.position`;

@Injectable()
export class SponsorshipsRepository {
  async forTarget(manager: EntityManager, target: SponsorTarget): Promise<SponsorshipDetail[]> {
    const [column, id] = 'paragraphId' in target ? ['paragraph_id', target.paragraphId] : ['amendment_id', target.amendmentId];
    return manager.query(
      `SELECT ${COLUMNS} FROM sponsorship s JOIN delegation d ON d.id = s.delegation_id
        WHERE s.${column} = $1 ORDER BY s.position`,
      [id],
    );
  }

  async lock(manager: EntityManager, id: string): Promise<SponsorshipDetail | null> {
    const rows: SponsorshipDetail[] = await manager.query(
      `SELECT ${COLUMNS} FROM sponsorship s JOIN delegation d ON d.id = s.delegation_id WHERE s.id = $1 FOR UPDATE OF s`,
      [id],
    );
    return rows[0] ?? null;
  }

  async insert(
    manager: EntityManager,
    s: {
      draftId: string;
      target: SponsorTarget;
      delegationId: string;
      status: SponsorshipStatus;
      position: number;
      invitedBy: string | null;
    },
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO sponsorship (draft_id, paragraph_id, amendment_id, delegation_id, status, position, invited_by, responded_by, responded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        s.draftId,
        'paragraphId' in s.target ? s.target.paragraphId : null,
        'amendmentId' in s.target ? s.target.amendmentId : null,
        s.delegationId,
        s.status,
        s.position,
        s.invitedBy,
        s.status === 'accepted' ? s.invitedBy : null,
        s.status === 'accepted' ? new Date() : null,
      ],
    );
    return rows[0]!.id;
  }

  async respond(manager: EntityManager, id: string, status: SponsorshipStatus, userId: string): Promise<void> {
    await manager.query(`UPDATE sponsorship SET status = $2, responded_by = $3, responded_at = now() WHERE id = $1`, [
      id,
      status,
      userId,
    ]);
  }

  /** Requests to join the sponsors of the new paragraphs the delegation sponsors. */
  async requestsToSponsorsOf(manager: EntityManager, delegationId: string): Promise<SponsorshipDetail[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM sponsorship s JOIN delegation d ON d.id = s.delegation_id
        WHERE s.status = 'requested'
          AND EXISTS (SELECT 1 FROM sponsorship mine WHERE mine.paragraph_id = s.paragraph_id
                         AND mine.delegation_id = $1 AND mine.status = 'accepted')
        ORDER BY s.created_at`,
      [delegationId],
    );
  }

  /** Asks again after a decline: the same row, waiting for an answer once more. */
  async reopenRequest(manager: EntityManager, id: string, userId: string): Promise<void> {
    await manager.query(
      `UPDATE sponsorship SET status = 'requested', invited_by = $2, responded_by = NULL, responded_at = NULL, created_at = now() WHERE id = $1`,
      [id, userId],
    );
  }

  async pendingForDelegation(manager: EntityManager, delegationId: string): Promise<SponsorshipDetail[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM sponsorship s JOIN delegation d ON d.id = s.delegation_id
        WHERE s.delegation_id = $1 AND s.status = 'invited' ORDER BY s.created_at`,
      [delegationId],
    );
  }
}
