import { Injectable } from '@nestjs/common';
import type { SponsorshipStatus } from '@omnibus/shared';
import type { InferResult } from 'kysely';
import { EntityManager } from 'typeorm';
import { kysely, now } from '../database/kysely';

export type SponsorTarget = { paragraphId: string } | { amendmentId: string };

/** A sponsorship with its delegation's code; typed by the generated schema types. */
const selectSponsorships = (manager: EntityManager) =>
  kysely(manager)
    .selectFrom('sponsorship as s')
    .innerJoin('delegation as d', 'd.id', 's.delegation_id')
    .select(['s.id', 's.draft_id as draftId', 's.paragraph_id as paragraphId', 's.amendment_id as amendmentId',
      's.delegation_id as delegationId', 'd.code', 's.status', 's.position']);

export type SponsorshipDetail = InferResult<ReturnType<typeof selectSponsorships>>[number];

@Injectable()
export class SponsorshipsRepository {
  async forTarget(manager: EntityManager, target: SponsorTarget): Promise<SponsorshipDetail[]> {
    const query = selectSponsorships(manager);
    const filtered = 'paragraphId' in target ? query.where('s.paragraph_id', '=', target.paragraphId) : query.where('s.amendment_id', '=', target.amendmentId);
    return filtered.orderBy('s.position').execute();
  }

  async lock(manager: EntityManager, id: string): Promise<SponsorshipDetail | null> {
    return (await selectSponsorships(manager).where('s.id', '=', id).forUpdate('s').executeTakeFirst()) ?? null;
  }

  /** Locks the paragraph a delegation asks to sponsor; null when there is none. */
  async lockParagraph(manager: EntityManager, paragraphId: string) {
    const row = await kysely(manager).selectFrom('paragraph').select(['draft_id as draftId', 'label', 'origin', 'status']).where('id', '=', paragraphId).forUpdate().executeTakeFirst();
    return row ?? null;
  }

  /** Locks the paragraph or amendment whose sponsors change, with its draft and proposer; null when there is none. */
  async lockTarget(manager: EntityManager, target: SponsorTarget): Promise<{ draftId: string; proposer: string | null } | null> {
    const row =
      'paragraphId' in target
        ? await kysely(manager).selectFrom('paragraph').select(['draft_id as draftId', 'proposer_delegation_id as proposer']).where('id', '=', target.paragraphId).forUpdate().executeTakeFirst()
        : await kysely(manager).selectFrom('amendment').select(['draft_id as draftId', 'proposer_delegation_id as proposer']).where('id', '=', target.amendmentId).forUpdate().executeTakeFirst();
    return row ?? null;
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
    const row = await kysely(manager)
      .insertInto('sponsorship')
      .values({
        draft_id: s.draftId,
        paragraph_id: 'paragraphId' in s.target ? s.target.paragraphId : null,
        amendment_id: 'amendmentId' in s.target ? s.target.amendmentId : null,
        delegation_id: s.delegationId,
        status: s.status,
        position: s.position,
        invited_by: s.invitedBy,
        responded_by: s.status === 'accepted' ? s.invitedBy : null,
        responded_at: s.status === 'accepted' ? new Date() : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async respond(manager: EntityManager, id: string, status: SponsorshipStatus, userId: string): Promise<void> {
    await kysely(manager).updateTable('sponsorship').set({ status, responded_by: userId, responded_at: now() }).where('id', '=', id).execute();
  }

  /** Requests to join the sponsors of the new paragraphs the delegation sponsors. */
  async requestsToSponsorsOf(manager: EntityManager, delegationId: string): Promise<SponsorshipDetail[]> {
    return selectSponsorships(manager)
      .where('s.status', '=', 'requested')
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('sponsorship as mine')
            .select((eb) => eb.lit(1).as('one'))
            .whereRef('mine.paragraph_id', '=', 's.paragraph_id')
            .where('mine.delegation_id', '=', delegationId)
            .where('mine.status', '=', 'accepted'),
        ),
      )
      .orderBy('s.created_at')
      .execute();
  }

  /** Asks again after a decline: the same row, waiting for an answer once more. */
  async reopenRequest(manager: EntityManager, id: string, userId: string): Promise<void> {
    await kysely(manager)
      .updateTable('sponsorship')
      .set({ status: 'requested', invited_by: userId, responded_by: null, responded_at: null, created_at: now() })
      .where('id', '=', id)
      .execute();
  }

  async pendingForDelegation(manager: EntityManager, delegationId: string): Promise<SponsorshipDetail[]> {
    return selectSponsorships(manager).where('s.delegation_id', '=', delegationId).where('s.status', '=', 'invited').orderBy('s.created_at').execute();
  }
}
