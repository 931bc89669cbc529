import { Injectable } from '@nestjs/common';
import type { InferResult } from 'kysely';
import { EntityManager } from 'typeorm';
import { kysely } from '../database/kysely';

/** A procedure with its draft's committee; typed by the generated schema types. */
const selectProcedures = (m: EntityManager) =>
  kysely(m)
    .selectFrom('silence_procedure as sp')
    .innerJoin('draft as d', 'd.id', 'sp.draft_id')
    .select(['sp.id', 'sp.draft_id as draftId', 'd.committee_id as committeeId', 'sp.status', 'sp.deadline', 'sp.note',
      'sp.started_at as startedAt', 'sp.concluded_at as concludedAt']);

export type SilenceRow = InferResult<ReturnType<typeof selectProcedures>>[number];

/** Silence procedures, the texts they circulate and the objections that break them. */
@Injectable()
export class SilenceRepository {
  async find(m: EntityManager, id: string, lock = false): Promise<SilenceRow | null> {
    const query = selectProcedures(m).where('sp.id', '=', id);
    return (await (lock ? query.forUpdate('sp') : query).executeTakeFirst()) ?? null;
  }

  async list(m: EntityManager, draftId: string): Promise<SilenceRow[]> {
    return selectProcedures(m).where('sp.draft_id', '=', draftId).orderBy('sp.started_at').orderBy('sp.id').execute();
  }

  /** Open procedures whose deadline has come, of one draft or of all. */
  async due(m: EntityManager, now: Date, draftId: string | null): Promise<string[]> {
    let query = kysely(m).selectFrom('silence_procedure').select('id').where('status', '=', 'open').where('deadline', '<=', now);
    if (draftId !== null) query = query.where('draft_id', '=', draftId);
    const rows = await query.orderBy('deadline').execute();
    return rows.map((r) => r.id);
  }

  async open(m: EntityManager): Promise<{ id: string; deadline: Date }[]> {
    return kysely(m).selectFrom('silence_procedure').select(['id', 'deadline']).where('status', '=', 'open').execute();
  }

  /** Paragraphs circulated under a procedure still running: no session may take them up meanwhile. */
  async underSilence(m: EntityManager, draftId: string): Promise<Set<string>> {
    const rows = await kysely(m)
      .selectFrom('silence_item as i')
      .innerJoin('silence_procedure as sp', 'sp.id', 'i.procedure_id')
      .select('i.paragraph_id as paragraphId')
      .where('sp.draft_id', '=', draftId)
      .where('sp.status', '=', 'open')
      .execute();
    return new Set(rows.map((r) => r.paragraphId));
  }

  async insert(m: EntityManager, s: { draftId: string; deadline: Date; note: string | null; startedBy: string; startedAt: Date }): Promise<string> {
    const row = await kysely(m)
      .insertInto('silence_procedure')
      .values({ draft_id: s.draftId, deadline: s.deadline, note: s.note, started_by: s.startedBy, started_at: s.startedAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async addItem(m: EntityManager, procedureId: string, position: number, item: { paragraphId: string; text: string; acceptedAmendmentIds: readonly string[] }): Promise<void> {
    await kysely(m)
      .insertInto('silence_item')
      .values({ procedure_id: procedureId, paragraph_id: item.paragraphId, position, text: item.text, accepted_amendment_ids: [...item.acceptedAmendmentIds] })
      .execute();
  }

  async items(m: EntityManager, procedureId: string) {
    return kysely(m)
      .selectFrom('silence_item as i')
      .innerJoin('paragraph as p', 'p.id', 'i.paragraph_id')
      .innerJoin('section as s', 's.id', 'p.section_id')
      .select(['i.paragraph_id as paragraphId', 's.key as sectionKey', 'p.label', 'i.text', 'i.accepted_amendment_ids as acceptedAmendmentIds'])
      .where('i.procedure_id', '=', procedureId)
      .orderBy('i.position')
      .execute();
  }

  async objections(m: EntityManager, procedureId: string) {
    return kysely(m)
      .selectFrom('silence_objection as o')
      .innerJoin('delegation as d', 'd.id', 'o.delegation_id')
      .select(['d.code as delegation', 'o.reason', 'o.created_at as createdAt'])
      .where('o.procedure_id', '=', procedureId)
      .orderBy('o.created_at')
      .orderBy('o.id')
      .execute();
  }

  async addObjection(m: EntityManager, o: { procedureId: string; delegationId: string; userId: string; reason: string; at: Date }): Promise<boolean> {
    const row = await kysely(m)
      .insertInto('silence_objection')
      .values({ procedure_id: o.procedureId, delegation_id: o.delegationId, user_id: o.userId, reason: o.reason, created_at: o.at })
      .onConflict((oc) => oc.columns(['procedure_id', 'delegation_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async conclude(m: EntityManager, id: string, status: 'adopted' | 'broken', at: Date): Promise<void> {
    await kysely(m).updateTable('silence_procedure').set({ status, concluded_at: at }).where('id', '=', id).execute();
  }
}
