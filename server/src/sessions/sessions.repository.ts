import { Injectable } from '@nestjs/common';
import type { Minutes, ParagraphStatus, QueueItemStatus, SpeakerStatus } from '@omnibus/shared';
import { sql, type InferResult } from 'kysely';
import { EntityManager } from 'typeorm';
import { kysely } from '../database/kysely';

/** A session with the meeting it sits in; typed by the generated schema types. */
const selectSessions = (m: EntityManager) =>
  kysely(m)
    .selectFrom('approval_session as s')
    .innerJoin('calendar_event as e', 'e.id', 's.meeting_id')
    .select(['s.id', 's.draft_id as draftId', 's.meeting_id as meetingId', 's.number', 's.status', 's.current_paragraph_id as currentParagraphId',
      's.opened_at as openedAt', 's.closed_at as closedAt', 's.minutes', 'e.title as meetingTitle', 'e.starts_at as meetingStart',
      sql<string | null>`to_char(e.start_date, 'YYYY-MM-DD')`.as('meetingDate')]);

export type SessionRow = InferResult<ReturnType<typeof selectSessions>>[number];
export type ItemRow = Awaited<ReturnType<SessionsRepository['items']>>[number];
export type DecisionRow = Awaited<ReturnType<SessionsRepository['decisions']>>[number];
export type SpeakerRow = Awaited<ReturnType<SessionsRepository['speakers']>>[number];

/** Speaker requests record their changes at the moment they happen, not at the start of the transaction. */
const clockTimestamp = () => sql<Date>`clock_timestamp()`;

/** All SQL about approval sessions: the session, its queue, its decisions and its speakers. */
@Injectable()
export class SessionsRepository {
  async find(m: EntityManager, id: string, lock = false): Promise<SessionRow | null> {
    const query = selectSessions(m).where('s.id', '=', id);
    return (await (lock ? query.forUpdate('s') : query).executeTakeFirst()) ?? null;
  }

  async openFor(m: EntityManager, draftId: string): Promise<SessionRow | null> {
    return (await selectSessions(m).where('s.draft_id', '=', draftId).where('s.status', '=', 'open').executeTakeFirst()) ?? null;
  }

  async list(m: EntityManager, draftId: string): Promise<SessionRow[]> {
    return selectSessions(m).where('s.draft_id', '=', draftId).orderBy('s.number').execute();
  }

  async insert(m: EntityManager, s: { draftId: string; meetingId: string; openedBy: string; openedAt: Date }): Promise<string> {
    const row = await kysely(m)
      .insertInto('approval_session')
      .values((eb) => ({
        draft_id: s.draftId,
        meeting_id: s.meetingId,
        number: eb.selectFrom('approval_session').select(sql<number>`coalesce(max(number), 0) + 1`.as('n')).where('draft_id', '=', s.draftId),
        opened_by: s.openedBy,
        opened_at: s.openedAt,
      }))
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async meeting(m: EntityManager, id: string): Promise<{ id: string; committeeId: string; category: string; title: string } | null> {
    const row = await kysely(m).selectFrom('calendar_event').select(['id', 'committee_id as committeeId', 'category', 'title']).where('id', '=', id).executeTakeFirst();
    return row ?? null;
  }

  async sessionAtMeeting(m: EntityManager, draftId: string, meetingId: string): Promise<number | null> {
    const row = await kysely(m).selectFrom('approval_session').select('number').where('draft_id', '=', draftId).where('meeting_id', '=', meetingId).executeTakeFirst();
    return row?.number ?? null;
  }

  async setCurrent(m: EntityManager, sessionId: string, paragraphId: string | null): Promise<void> {
    await kysely(m).updateTable('approval_session').set({ current_paragraph_id: paragraphId }).where('id', '=', sessionId).execute();
  }

  async close(m: EntityManager, sessionId: string, closedBy: string, minutes: Minutes): Promise<void> {
    await kysely(m)
      .updateTable('approval_session')
      .set({ status: 'closed', current_paragraph_id: null, closed_by: closedBy, closed_at: minutes.closedAt, minutes: JSON.stringify(minutes) })
      .where('id', '=', sessionId)
      .execute();
  }

  async items(m: EntityManager, sessionId: string) {
    return kysely(m)
      .selectFrom('session_item')
      .select(['paragraph_id as paragraphId', 'position', 'grp as group', 'status', 'is_returning as returning'])
      .where('session_id', '=', sessionId)
      .orderBy('position')
      .execute();
  }

  async addItems(m: EntityManager, sessionId: string, items: readonly Omit<ItemRow, 'position' | 'status'>[]): Promise<void> {
    for (const item of items) {
      await kysely(m)
        .insertInto('session_item')
        .values((eb) => ({
          session_id: sessionId,
          paragraph_id: item.paragraphId,
          position: eb.selectFrom('session_item').select(sql<number>`coalesce(max(position), -1) + 1`.as('p')).where('session_id', '=', sessionId),
          grp: item.group,
          is_returning: item.returning,
        }))
        .onConflict((oc) =>
          oc.columns(['session_id', 'paragraph_id']).doUpdateSet((eb) => ({
            status: 'waiting',
            is_returning: true,
            position: eb.selectFrom('session_item').select(sql<number>`max(position) + 1`.as('p')).where('session_id', '=', sessionId),
          })),
        )
        .execute();
    }
  }

  async setItemStatus(m: EntityManager, sessionId: string, paragraphId: string, status: QueueItemStatus): Promise<void> {
    await kysely(m).updateTable('session_item').set({ status }).where('session_id', '=', sessionId).where('paragraph_id', '=', paragraphId).execute();
  }

  async setPositions(m: EntityManager, sessionId: string, positions: ReadonlyMap<string, number>): Promise<void> {
    for (const [paragraphId, position] of positions) {
      await kysely(m).updateTable('session_item').set({ position }).where('session_id', '=', sessionId).where('paragraph_id', '=', paragraphId).execute();
    }
  }

  async decisions(m: EntityManager, sessionId: string, decisionId?: string) {
    let query = kysely(m)
      .selectFrom('session_decision as sd')
      .leftJoin('delegation as d', 'd.id', 'sd.lead_delegation_id')
      .leftJoin('app_user as u', 'u.id', 'sd.decided_by')
      .select(['sd.id', 'sd.sequence', 'sd.paragraph_id as paragraphId', 'sd.section_key as sectionKey', 'sd.label', 'sd.decision',
        'sd.text_before as textBefore', 'sd.agreed_text as agreedText', 'd.code as leadDelegation', 'sd.note',
        'sd.decided_at as decidedAt', 'u.username as decidedBy', 'sd.tally'])
      .where('sd.session_id', '=', sessionId);
    if (decisionId !== undefined) query = query.where('sd.id', '=', decisionId);
    return query.orderBy('sd.sequence').execute();
  }

  async insertDecision(
    m: EntityManager,
    d: Omit<DecisionRow, 'id' | 'sequence' | 'decidedAt' | 'decidedBy' | 'leadDelegation' | 'sectionKey'> & {
      sectionKey: string;
      sessionId: string;
      leadDelegationId: string | null;
      decidedBy: string;
      decidedAt: Date;
    },
  ): Promise<string> {
    const row = await kysely(m)
      .insertInto('session_decision')
      .values((eb) => ({
        session_id: d.sessionId,
        paragraph_id: d.paragraphId,
        sequence: eb.selectFrom('session_decision').select(sql<number>`coalesce(max(sequence), 0) + 1`.as('n')).where('session_id', '=', d.sessionId),
        decision: d.decision,
        section_key: d.sectionKey,
        label: d.label,
        text_before: d.textBefore,
        agreed_text: d.agreedText,
        lead_delegation_id: d.leadDelegationId,
        note: d.note,
        tally: JSON.stringify(d.tally),
        decided_by: d.decidedBy,
        decided_at: d.decidedAt,
      }))
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Requests still on the list (speaking first, then waiting in the order asked). */
  async speakers(m: EntityManager, sessionId: string) {
    return kysely(m)
      .selectFrom('speaker_request as r')
      .innerJoin('delegation as d', 'd.id', 'r.delegation_id')
      .innerJoin('app_user as u', 'u.id', 'r.user_id')
      .select(['r.id', 'r.delegation_id as delegationId', 'd.code as delegation', 'u.username', 'r.paragraph_id as paragraphId', 'r.status',
        'r.requested_at as requestedAt'])
      .where('r.session_id', '=', sessionId)
      .where('r.status', 'in', ['waiting', 'speaking'])
      .orderBy(sql`(r.status = 'speaking')`, 'desc')
      .orderBy('r.seq')
      .execute();
  }

  async requestFloor(m: EntityManager, r: { sessionId: string; delegationId: string; userId: string; paragraphId: string | null }): Promise<boolean> {
    const row = await kysely(m)
      .insertInto('speaker_request')
      .values({ session_id: r.sessionId, delegation_id: r.delegationId, user_id: r.userId, paragraph_id: r.paragraphId })
      // Literals, not parameters: PostgreSQL matches the partial unique index only against a predicate it can read.
      .onConflict((oc) => oc.columns(['session_id', 'delegation_id']).where(sql<boolean>`status IN ('waiting','speaking')`).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async setSpeakerStatus(m: EntityManager, sessionId: string, requestId: string, from: readonly SpeakerStatus[], to: SpeakerStatus): Promise<boolean> {
    const rows = await kysely(m)
      .updateTable('speaker_request')
      .set({ status: to, updated_at: clockTimestamp() })
      .where('session_id', '=', sessionId)
      .where('id', '=', requestId)
      .where('status', '=', sql<SpeakerStatus>`ANY(${[...from]})`)
      .returning('id')
      .execute();
    return rows.length > 0;
  }

  /**
   * A decided paragraph takes its speakers with it: the delegation holding the floor and those
   * waiting to speak on that paragraph are done. Requests for the floor in general stay. Returns how many ended.
   */
  async endSpeakersOn(m: EntityManager, sessionId: string, paragraphId: string): Promise<number> {
    const rows = await kysely(m)
      .updateTable('speaker_request')
      .set({ status: 'done', updated_at: clockTimestamp() })
      .where('session_id', '=', sessionId)
      .where((eb) => eb.or([eb('status', '=', 'speaking'), eb.and([eb('status', '=', 'waiting'), eb('paragraph_id', '=', paragraphId)])]))
      .returning('id')
      .execute();
    return rows.length;
  }

  async endSpeakers(m: EntityManager, sessionId: string): Promise<void> {
    await kysely(m)
      .updateTable('speaker_request')
      .set({ status: 'done', updated_at: clockTimestamp() })
      .where('session_id', '=', sessionId)
      .where('status', 'in', ['waiting', 'speaking'])
      .execute();
  }

  async paragraphStatuses(m: EntityManager, draftId: string): Promise<ParagraphStatus[]> {
    const rows = await kysely(m).selectFrom('paragraph').select('status').where('draft_id', '=', draftId).execute();
    return rows.map((r) => r.status);
  }

  async sectionKey(m: EntityManager, sectionId: string): Promise<string> {
    const row = await kysely(m).selectFrom('section').select('key').where('id', '=', sectionId).executeTakeFirst();
    return row?.key ?? '';
  }
}
