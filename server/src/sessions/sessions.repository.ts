import { Injectable } from '@nestjs/common';
import type { Decision, Minutes, ParagraphStatus, QueueItemStatus, SpeakerStatus, Tally } from '@omnibus/shared';
import { EntityManager } from 'typeorm';
import type { QueueGroup } from './queue';

export interface SessionRow {
  id: string;
  draftId: string;
  meetingId: string;
  number: number;
  status: 'open' | 'closed';
  currentParagraphId: string | null;
  openedAt: Date;
  closedAt: Date | null;
  minutes: Minutes | null;
  meetingTitle: string;
  meetingStart: Date | null;
  meetingDate: string | null;
}

export interface ItemRow {
  paragraphId: string;
  position: number;
  group: QueueGroup;
  status: QueueItemStatus;
  returning: boolean;
}

export interface DecisionRow {
  id: string;
  sequence: number;
  paragraphId: string;
  sectionKey: string;
  label: string;
  decision: Decision;
  textBefore: string;
  agreedText: string | null;
  leadDelegation: string | null;
  note: string | null;
  decidedAt: Date;
  decidedBy: string | null;
  tally: Tally;
}

export interface SpeakerRow {
  id: string;
  delegationId: string;
  delegation: string;
  username: string;
  paragraphId: string | null;
  status: SpeakerStatus;
  requestedAt: Date;
}

const SESSION = `s.id, s.draft_id AS "draftId", s.meeting_id AS "meetingId", s.number, s.status,
  s.current_paragraph_id AS "currentParagraphId", s.opened_at AS "openedAt", s.closed_at AS "closedAt", s.minutes,
  e.title AS "meetingTitle", e.starts_at AS "meetingStart", to_char(e.start_date, 'YYYY-MM-DD') AS "meetingDate"`;

/** All SQL about approval sessions: the session, its queue, its decisions and its speakers. */
@Injectable()
export class SessionsRepository {
  async find(m: EntityManager, id: string, lock = false): Promise<SessionRow | null> {
    const rows: SessionRow[] = await m.query(
      `SELECT ${SESSION} FROM approval_session s JOIN calendar_event e ON e.id = s.meeting_id WHERE s.id = $1 ${lock ? 'FOR UPDATE OF s' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async openFor(m: EntityManager, draftId: string): Promise<SessionRow | null> {
    const rows: SessionRow[] = await m.query(
      `SELECT ${SESSION} FROM approval_session s JOIN calendar_event e ON e.id = s.meeting_id WHERE s.draft_id = $1 AND s.status = 'open'`,
      [draftId],
    );
    return rows[0] ?? null;
  }

  async list(m: EntityManager, draftId: string): Promise<SessionRow[]> {
    return m.query(`SELECT ${SESSION} FROM approval_session s JOIN calendar_event e ON e.id = s.meeting_id WHERE s.draft_id = $1 ORDER BY s.number`, [draftId]);
  }

  async insert(m: EntityManager, s: { draftId: string; meetingId: string; openedBy: string; openedAt: Date }): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO approval_session (draft_id, meeting_id, number, opened_by, opened_at)
       VALUES ($1, $2, (SELECT coalesce(max(number), 0) + 1 FROM approval_session WHERE draft_id = $1), $3, $4) RETURNING id`,
      [s.draftId, s.meetingId, s.openedBy, s.openedAt],
    );
    return rows[0]!.id;
  }

  async meeting(m: EntityManager, id: string): Promise<{ id: string; committeeId: string; category: string; title: string } | null> {
    const rows: { id: string; committeeId: string; category: string; title: string }[] = await m.query(
      `SELECT id, committee_id AS "committeeId", category, title FROM calendar_event WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async sessionAtMeeting(m: EntityManager, draftId: string, meetingId: string): Promise<number | null> {
    const rows: { number: number }[] = await m.query(`SELECT number FROM approval_session WHERE draft_id = $1 AND meeting_id = $2`, [draftId, meetingId]);
    return rows[0]?.number ?? null;
  }

  async setCurrent(m: EntityManager, sessionId: string, paragraphId: string | null): Promise<void> {
    await m.query(`UPDATE approval_session SET current_paragraph_id = $2 WHERE id = $1`, [sessionId, paragraphId]);
  }

  async close(m: EntityManager, sessionId: string, closedBy: string, minutes: Minutes): Promise<void> {
    await m.query(
      `UPDATE approval_session SET status = 'closed', current_paragraph_id = NULL, closed_by = $2, closed_at = $3, minutes = $4 WHERE id = $1`,
      [sessionId, closedBy, minutes.closedAt, JSON.stringify(minutes)],
    );
  }

  async items(m: EntityManager, sessionId: string): Promise<ItemRow[]> {
    return m.query(
      `SELECT paragraph_id AS "paragraphId", position, grp AS "group", status, is_returning AS "returning"
         FROM session_item WHERE session_id = $1 ORDER BY position`,
      [sessionId],
    );
  }

  async addItems(m: EntityManager, sessionId: string, items: readonly Omit<ItemRow, 'position' | 'status'>[]): Promise<void> {
    for (const item of items) {
      await m.query(
        `INSERT INTO session_item (session_id, paragraph_id, position, grp, is_returning)
         VALUES ($1, $2, (SELECT coalesce(max(position), -1) + 1 FROM session_item WHERE session_id = $1), $3, $4)
         ON CONFLICT (session_id, paragraph_id)
         DO UPDATE SET status = 'waiting', is_returning = true,
                       position = (SELECT max(position) + 1 FROM session_item WHERE session_id = $1)`,
        [sessionId, item.paragraphId, item.group, item.returning],
      );
    }
  }

  async setItemStatus(m: EntityManager, sessionId: string, paragraphId: string, status: QueueItemStatus): Promise<void> {
    await m.query(`UPDATE session_item SET status = $3 WHERE session_id = $1 AND paragraph_id = $2`, [sessionId, paragraphId, status]);
  }

  async setPositions(m: EntityManager, sessionId: string, positions: ReadonlyMap<string, number>): Promise<void> {
    for (const [paragraphId, position] of positions) {
      await m.query(`UPDATE session_item SET position = $3 WHERE session_id = $1 AND paragraph_id = $2`, [sessionId, paragraphId, position]);
    }
  }

  async decisions(m: EntityManager, sessionId: string, decisionId?: string): Promise<DecisionRow[]> {
    return m.query(
      `SELECT sd.id, sd.sequence, sd.paragraph_id AS "paragraphId", sd.section_key AS "sectionKey", sd.label, sd.decision,
              sd.text_before AS "textBefore", sd.agreed_text AS "agreedText", d.code AS "leadDelegation", sd.note,
              sd.decided_at AS "decidedAt", u.username AS "decidedBy", sd.tally
         FROM session_decision sd
         LEFT JOIN delegation d ON d.id = sd.lead_delegation_id
         LEFT JOIN app_user u ON u.id = sd.decided_by
        WHERE sd.session_id = $1 AND ($2::uuid IS NULL OR sd.id = $2) ORDER BY sd.sequence`,
      [sessionId, decisionId ?? null],
    );
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
    const rows: { id: string }[] = await m.query(
      `INSERT INTO session_decision (session_id, paragraph_id, sequence, decision, section_key, label, text_before, agreed_text,
                                     lead_delegation_id, note, tally, decided_by, decided_at)
       VALUES ($1, $2, (SELECT coalesce(max(sequence), 0) + 1 FROM session_decision WHERE session_id = $1), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       RETURNING id`,
      [
        d.sessionId,
        d.paragraphId,
        d.decision,
        d.sectionKey,
        d.label,
        d.textBefore,
        d.agreedText,
        d.leadDelegationId,
        d.note,
        JSON.stringify(d.tally),
        d.decidedBy,
        d.decidedAt,
      ],
    );
    return rows[0]!.id;
  }

  /** Requests still on the list (speaking first, then waiting in the order asked). */
  async speakers(m: EntityManager, sessionId: string): Promise<SpeakerRow[]> {
    return m.query(
      `SELECT r.id, r.delegation_id AS "delegationId", d.code AS delegation, u.username, r.paragraph_id AS "paragraphId", r.status,
              r.requested_at AS "requestedAt"
         FROM speaker_request r JOIN delegation d ON d.id = r.delegation_id JOIN app_user u ON u.id = r.user_id
        WHERE r.session_id = $1 AND r.status IN ('waiting', 'speaking')
        ORDER BY (r.status = 'speaking') DESC, r.seq`,
      [sessionId],
    );
  }

  async requestFloor(m: EntityManager, r: { sessionId: string; delegationId: string; userId: string; paragraphId: string | null }): Promise<boolean> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO speaker_request (session_id, delegation_id, user_id, paragraph_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (session_id, delegation_id) WHERE status IN ('waiting','speaking') DO NOTHING RETURNING id`,
      [r.sessionId, r.delegationId, r.userId, r.paragraphId],
    );
    return rows.length > 0;
  }

  async setSpeakerStatus(m: EntityManager, sessionId: string, requestId: string, from: readonly SpeakerStatus[], to: SpeakerStatus): Promise<boolean> {
    const rows: { id: string }[] = await m.query(
      `UPDATE speaker_request SET status = $4, updated_at = clock_timestamp()
        WHERE session_id = $1 AND id = $2 AND status = ANY($3) RETURNING id`,
      [sessionId, requestId, from, to],
    );
    return rows.length > 0;
  }

  /**
   * A decided paragraph takes its speakers with it: the delegation holding the floor and those
   * waiting to speak on that paragraph are done. Requests for the floor in general stay. Returns how many ended.
   */
  async endSpeakersOn(m: EntityManager, sessionId: string, paragraphId: string): Promise<number> {
    const rows: { id: string }[] = await m.query(
      `UPDATE speaker_request SET status = 'done', updated_at = clock_timestamp()
        WHERE session_id = $1 AND (status = 'speaking' OR (status = 'waiting' AND paragraph_id = $2)) RETURNING id`,
      [sessionId, paragraphId],
    );
    return rows.length;
  }

  async endSpeakers(m: EntityManager, sessionId: string): Promise<void> {
    await m.query(`UPDATE speaker_request SET status = 'done', updated_at = clock_timestamp() WHERE session_id = $1 AND status IN ('waiting','speaking')`, [
      sessionId,
    ]);
  }

  async paragraphStatuses(m: EntityManager, draftId: string): Promise<ParagraphStatus[]> {
    const rows: { status: ParagraphStatus }[] = await m.query(`SELECT status FROM paragraph WHERE draft_id = $1`, [draftId]);
    return rows.map((r) => r.status);
  }

  async sectionKey(m: EntityManager, sectionId: string): Promise<string> {
    const rows: { key: string }[] = await m.query(`SELECT key FROM section WHERE id = $1`, [sectionId]);
    return rows[0]?.key ?? '';
  }
}
