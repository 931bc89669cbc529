import { Injectable } from '@nestjs/common';
import type { ReservationView } from '@omnibus/shared';
import type { InferResult } from 'kysely';
import { EntityManager } from 'typeorm';
import { kysely } from '../database/kysely';

/** A reservation with its delegation's code; the row type is what this selection of the generated schema types yields. */
const selectReservations = (m: EntityManager) =>
  kysely(m)
    .selectFrom('reservation as r')
    .innerJoin('delegation as d', 'd.id', 'r.delegation_id')
    .select(['r.id', 'r.paragraph_id as paragraphId', 'd.code as delegation', 'r.text', 'r.created_at as createdAt']);

type ReservationRow = InferResult<ReturnType<typeof selectReservations>>[number];

export const reservationView = (r: ReservationRow): ReservationView => ({
  id: r.id,
  paragraphId: r.paragraphId,
  delegation: r.delegation,
  text: r.text,
  createdAt: r.createdAt.toISOString(),
});

/** Reservations: one footnote per delegation per approved paragraph. */
@Injectable()
export class ReservationsRepository {
  async forDraft(m: EntityManager, draftId: string): Promise<ReservationRow[]> {
    return selectReservations(m).where('r.draft_id', '=', draftId).orderBy('r.created_at').orderBy('r.id').execute();
  }

  async forParagraph(m: EntityManager, paragraphId: string): Promise<ReservationRow[]> {
    return selectReservations(m).where('r.paragraph_id', '=', paragraphId).orderBy('r.created_at').orderBy('r.id').execute();
  }

  /** The reservation with what deciding on its withdrawal needs: whose it is and in which committee. */
  async find(m: EntityManager, id: string) {
    const row = await selectReservations(m)
      .innerJoin('draft as dr', 'dr.id', 'r.draft_id')
      .select(['r.draft_id as draftId', 'r.delegation_id as delegationId', 'dr.committee_id as committeeId'])
      .where('r.id', '=', id)
      .executeTakeFirst();
    return row ?? null;
  }

  /** False when another request withdrew it first. */
  async delete(m: EntityManager, id: string): Promise<boolean> {
    const rows = await kysely(m).deleteFrom('reservation').where('id', '=', id).returning('id').execute();
    return rows.length > 0;
  }

  /**
   * Whether the committee's history records this reservation's withdrawal: a withdrawn reservation
   * leaves no row behind, and its audit entry is what tells "already withdrawn" from "never existed".
   */
  async wasWithdrawn(m: EntityManager, id: string, committeeId: string): Promise<boolean> {
    const row = await kysely(m)
      .selectFrom('audit_event')
      .select((eb) => eb.lit(1).as('one'))
      .where('committee_id', '=', committeeId)
      .where('action', '=', 'reservation.withdraw')
      .where('target_type', '=', 'reservation')
      .where('target_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async insert(m: EntityManager, r: { draftId: string; paragraphId: string; delegationId: string; text: string; createdBy: string }): Promise<string | null> {
    const row = await kysely(m)
      .insertInto('reservation')
      .values({ draft_id: r.draftId, paragraph_id: r.paragraphId, delegation_id: r.delegationId, text: r.text, created_by: r.createdBy })
      .onConflict((oc) => oc.columns(['paragraph_id', 'delegation_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }
}
