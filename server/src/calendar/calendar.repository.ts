import { Injectable } from '@nestjs/common';
import type { CalendarCategory, CalendarEventView } from '@omnibus/shared';
import { sql, type InferResult } from 'kysely';
import { EntityManager } from 'typeorm';
import { kysely } from '../database/kysely';

/** What the calendar shows of an event; typed by the generated schema types. */
const selectEvents = (m: EntityManager) =>
  kysely(m)
    .selectFrom('calendar_event as e')
    .select((eb) => [
      'e.id', 'e.category', 'e.kind', 'e.title', 'e.starts_at as startsAt', 'e.ends_at as endsAt',
      // Dates stay the calendar day they name: text, never a Date at midnight in the server's zone.
      sql<string | null>`to_char(e.start_date, 'YYYY-MM-DD')`.as('startDate'),
      sql<string | null>`to_char(e.end_date, 'YYYY-MM-DD')`.as('endDate'),
      'e.yearly', 'e.location', 'e.tentative', 'e.note', 'e.agenda', 'e.sequence', 'e.updated_at as updatedAt',
      eb.selectFrom('approval_session as s').select('s.id').whereRef('s.meeting_id', '=', 'e.id').orderBy('s.opened_at').limit(1).as('sessionId'),
    ]);

export type CalendarRow = InferResult<ReturnType<typeof selectEvents>>[number];

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
    return selectEvents(m)
      .where('e.committee_id', '=', committeeId)
      .orderBy(sql`coalesce(e.starts_at, e.start_date::timestamp AT TIME ZONE 'UTC')`)
      .orderBy('e.title')
      .execute();
  }

  async insert(m: EntityManager, e: NewCalendarEvent): Promise<string> {
    const row = await kysely(m)
      .insertInto('calendar_event')
      .values({
        committee_id: e.committeeId,
        category: e.category,
        kind: e.kind,
        title: e.title,
        starts_at: e.startsAt ?? null,
        ends_at: e.endsAt ?? null,
        start_date: e.startDate ?? null,
        end_date: e.endDate ?? null,
        yearly: e.yearly ?? false,
        location: e.location ?? null,
        tentative: e.tentative ?? false,
        note: e.note ?? null,
        agenda: JSON.stringify(e.agenda ?? []),
        created_by: e.createdBy ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async feedKey(m: EntityManager, userId: string, fresh: string): Promise<string> {
    const row = await kysely(m)
      .insertInto('calendar_feed')
      .values({ user_id: userId, key: fresh })
      .onConflict((oc) => oc.column('user_id').doUpdateSet((eb) => ({ user_id: eb.ref('excluded.user_id') })))
      .returning('key')
      .executeTakeFirstOrThrow();
    return row.key;
  }

  async userForFeed(m: EntityManager, key: string): Promise<{ userId: string; committeeId: string } | null> {
    const row = await kysely(m)
      .selectFrom('calendar_feed as f')
      .innerJoin('app_user as u', 'u.id', 'f.user_id')
      .select(['u.id as userId', 'u.committee_id as committeeId'])
      .where('f.key', '=', key)
      .where('u.disabled', '=', false)
      .executeTakeFirst();
    return row ?? null;
  }
}
