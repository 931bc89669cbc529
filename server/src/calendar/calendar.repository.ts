import { Injectable } from '@nestjs/common';
import type { CalendarCategory, CalendarEventView } from '@omnibus/shared';
import { EntityManager } from 'typeorm';

export interface CalendarRow {
  id: string;
  category: CalendarCategory;
  kind: string;
  title: string;
  startsAt: Date | null;
  endsAt: Date | null;
  startDate: string | null;
  endDate: string | null;
  yearly: boolean;
  location: string | null;
  tentative: boolean;
  note: string | null;
  agenda: CalendarEventView['agenda'];
  sequence: number;
  updatedAt: Date;
  sessionId: string | null;
}

export interface NewCalendarEvent {
  committeeId: string;
  category: CalendarCategory;
  kind: string;
  title: string;
  startsAt?: Date;
  endsAt?: Date;
  startDate?: string;
  endDate?: string;
  yearly?: boolean;
  location?: string;
  tentative?: boolean;
  note?: string;
  agenda?: CalendarEventView['agenda'];
  createdBy?: string;
}

/** The committee's calendar (meetings, milestones, report reminders) and the keys of its subscribed feeds. */
@Injectable()
export class CalendarRepository {
  async list(m: EntityManager, committeeId: string): Promise<CalendarRow[]> {
    return m.query(
      `SELECT e.id, e.category, e.kind, e.title, e.starts_at AS "startsAt", e.ends_at AS "endsAt",
              to_char(e.start_date, 'YYYY-MM-DD') AS "startDate", to_char(e.end_date, 'YYYY-MM-DD') AS "endDate",
              e.yearly, e.location, e.tentative, e.note, e.agenda, e.sequence, e.updated_at AS "updatedAt",
              (SELECT s.id FROM approval_session s WHERE s.meeting_id = e.id ORDER BY s.opened_at LIMIT 1) AS "sessionId"
         FROM calendar_event e WHERE e.committee_id = $1
        ORDER BY coalesce(e.starts_at, e.start_date::timestamp AT TIME ZONE 'UTC'), e.title`,
      [committeeId],
    );
  }

  async insert(m: EntityManager, e: NewCalendarEvent): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO calendar_event (committee_id, category, kind, title, starts_at, ends_at, start_date, end_date, yearly,
                                   location, tentative, note, agenda, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        e.committeeId,
        e.category,
        e.kind,
        e.title,
        e.startsAt ?? null,
        e.endsAt ?? null,
        e.startDate ?? null,
        e.endDate ?? null,
        e.yearly ?? false,
        e.location ?? null,
        e.tentative ?? false,
        e.note ?? null,
        JSON.stringify(e.agenda ?? []),
        e.createdBy ?? null,
      ],
    );
    return rows[0]!.id;
  }

  async feedKey(m: EntityManager, userId: string, fresh: string): Promise<string> {
    const rows: { key: string }[] = await m.query(
      `INSERT INTO calendar_feed (user_id, key) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET user_id = EXCLUDED.user_id RETURNING key`,
      [userId, fresh],
    );
    return rows[0]!.key;
  }

  async userForFeed(m: EntityManager, key: string): Promise<{ userId: string; committeeId: string } | null> {
    const rows: { userId: string; committeeId: string }[] = await m.query(
      `SELECT u.id AS "userId", u.committee_id AS "committeeId" FROM calendar_feed f JOIN app_user u ON u.id = f.user_id
        WHERE f.key = $1 AND NOT u.disabled`,
      [key],
    );
    return rows[0] ?? null;
  }
}
