import { Injectable } from '@nestjs/common';
import type { ConsultationStatus, ConsultationView } from '@omnibus/shared';
import { sql, type InferResult } from 'kysely';
import { EntityManager } from 'typeorm';
import { kysely } from '../database/kysely';

/** A consultation with its paragraph's label and section, and its lead's code; typed by the generated schema types. */
const selectConsultations = (m: EntityManager) =>
  kysely(m)
    .selectFrom('consultation as c')
    .innerJoin('paragraph as p', 'p.id', 'c.paragraph_id')
    .innerJoin('section as s', 's.id', 'p.section_id')
    .innerJoin('delegation as d', 'd.id', 'c.lead_delegation_id')
    .select(['c.id', 'c.paragraph_id as paragraphId', 's.key as sectionKey', 'p.label', 'c.lead_delegation_id as leadDelegationId',
      'd.code as leadDelegation', 'c.status', 'c.note', 'c.opened_at as openedAt', 'c.updated_at as updatedAt']);

type ConsultationRow = InferResult<ReturnType<typeof selectConsultations>>[number];

/** Consultations record their changes at the moment they happen, not at the start of the transaction. */
const clockTimestamp = () => sql<Date>`clock_timestamp()`;

export const consultationView = (r: ConsultationRow): ConsultationView => ({
  id: r.id,
  paragraphId: r.paragraphId,
  sectionKey: r.sectionKey,
  label: r.label,
  leadDelegation: r.leadDelegation,
  status: r.status,
  note: r.note,
  openedAt: r.openedAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** Informal consultations on paragraphs held in brackets: at most one under way per paragraph. */
@Injectable()
export class ConsultationsRepository {
  async list(m: EntityManager, draftId: string): Promise<ConsultationRow[]> {
    return selectConsultations(m).where('c.draft_id', '=', draftId).orderBy('c.opened_at').orderBy('c.id').execute();
  }

  async find(m: EntityManager, id: string, lock = false): Promise<(ConsultationRow & { draftId: string }) | null> {
    const query = selectConsultations(m).select('c.draft_id as draftId').where('c.id', '=', id);
    return (await (lock ? query.forUpdate('c') : query).executeTakeFirst()) ?? null;
  }

  async activeFor(m: EntityManager, paragraphId: string): Promise<ConsultationRow | null> {
    const row = await selectConsultations(m).where('c.paragraph_id', '=', paragraphId).where('c.status', '<>', 'concluded').executeTakeFirst();
    return row ?? null;
  }

  /** Holding a paragraph again keeps one consultation going, under the lead now named. */
  async hold(m: EntityManager, c: { draftId: string; paragraphId: string; leadDelegationId: string; sessionId: string }): Promise<string> {
    const existing = await this.activeFor(m, c.paragraphId);
    if (existing) {
      await kysely(m)
        .updateTable('consultation')
        .set({ lead_delegation_id: c.leadDelegationId, status: 'open', returned_in_session: null, updated_at: clockTimestamp() })
        .where('id', '=', existing.id)
        .execute();
      return existing.id;
    }
    const row = await kysely(m)
      .insertInto('consultation')
      .values({ draft_id: c.draftId, paragraph_id: c.paragraphId, lead_delegation_id: c.leadDelegationId, opened_in_session: c.sessionId })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async setStatus(m: EntityManager, id: string, status: ConsultationStatus, extra: { note?: string; sessionId?: string } = {}): Promise<void> {
    await kysely(m)
      .updateTable('consultation')
      .set({
        status,
        ...(extra.note !== undefined ? { note: extra.note } : {}),
        ...(extra.sessionId !== undefined ? { returned_in_session: extra.sessionId } : {}),
        updated_at: clockTimestamp(),
      })
      .where('id', '=', id)
      .execute();
  }
}
