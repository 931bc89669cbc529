import { Injectable } from '@nestjs/common';
import { CalendarEventView, CreateMeetingRequest } from '@omnibus/shared';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { requireAccess } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { WorkflowRepository } from '../workflow/workflow.repository';
import { CalendarRepository, CalendarRow } from './calendar.repository';
import { IcsEvent, writeIcs } from './ics';

function eventView(r: CalendarRow): CalendarEventView {
  return {
    id: r.id,
    category: r.category,
    kind: r.kind,
    title: r.title,
    start: r.startsAt?.toISOString() ?? null,
    end: r.endsAt?.toISOString() ?? null,
    date: r.startDate,
    endDate: r.endDate,
    yearly: r.yearly,
    location: r.location,
    tentative: r.tentative,
    note: r.note,
    agenda: r.agenda,
    sessionId: r.sessionId,
  };
}

/** UIDs stay the same whichever address the feed is fetched from, so calendars never duplicate an event. */
function icsEvent(r: CalendarRow): IcsEvent {
  const agenda = r.agenda.map((a) => `• ${a.text}${a.paragraphRefs?.length ? ` (¶ ${a.paragraphRefs.join(', ')})` : ''}`);
  const description = [...agenda, ...(r.note ? [r.note] : [])].join('\n');
  const e: IcsEvent = {
    uid: `${r.id}@omnibus`,
    stamp: r.updatedAt,
    sequence: r.sequence,
    summary: r.title,
    categories: [r.category === 'meeting' ? r.kind.replace('_', '-') : r.category],
    tentative: r.tentative,
    yearly: r.yearly,
  };
  if (description !== '') e.description = description;
  if (r.location) e.location = r.location;
  if (r.startsAt && r.endsAt) {
    e.start = r.startsAt;
    e.end = r.endsAt;
  } else if (r.startDate) {
    e.date = r.startDate;
    if (r.endDate) e.endDate = r.endDate;
  }
  return e;
}

/** The work plan's schedule: listed for the client, scheduled by the secretariat, and subscribed to as an iCalendar feed. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly db: DataSource,
    private readonly calendar: CalendarRepository,
    private readonly workflow: WorkflowRepository,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor): Promise<{ timeZone: string; events: CalendarEventView[] }> {
    const m = this.db.manager;
    return {
      timeZone: await this.workflow.timeZone(m, actor.committeeId),
      events: (await this.calendar.list(m, actor.committeeId)).map(eventView),
    };
  }

  async scheduleMeeting(actor: Actor, body: CreateMeetingRequest): Promise<CalendarEventView> {
    requireAccess(actor, { action: 'calendar.schedule', committeeId: actor.committeeId });
    return this.db.transaction(async (m) => {
      const id = await this.calendar.insert(m, {
        committeeId: actor.committeeId,
        category: 'meeting',
        kind: body.kind,
        title: body.title,
        startsAt: new Date(body.start),
        endsAt: new Date(body.end),
        tentative: body.tentative ?? false,
        agenda: body.agenda ?? [],
        createdBy: actor.userId,
        ...(body.location ? { location: body.location } : {}),
      });
      const view = (await this.calendar.list(m, actor.committeeId)).map(eventView).find((e) => e.id === id);
      if (!view) throw new AppError('internal', 'The meeting was not found after it was scheduled.');
      await this.audit.record(m, actor, { action: 'calendar.meeting.create', targetType: 'calendar_event', targetId: id, draftId: null, after: view });
      return view;
    });
  }

  async ics(committeeId: string): Promise<string> {
    const m = this.db.manager;
    const [c] = await this.workflow.committee(m, committeeId);
    const rows = await this.calendar.list(m, committeeId);
    return writeIcs({
      name: c ? `${c.acronym} ${c.period}` : 'Committee calendar',
      timeZone: c?.timeZone ?? 'UTC',
      events: rows.map(icsEvent),
    });
  }

  /** A private feed address a calendar application can poll without signing in. */
  async subscription(actor: Actor): Promise<string> {
    return this.calendar.feedKey(this.db.manager, actor.userId, randomBytes(24).toString('base64url'));
  }

  async icsForFeed(key: string): Promise<string> {
    const owner = /^[A-Za-z0-9_-]{16,64}$/.test(key) ? await this.calendar.userForFeed(this.db.manager, key) : null;
    if (!owner) throw new AppError('not_found', 'No calendar feed has this address; ask for a new one at GET /api/calendar/subscription.');
    return this.ics(owner.committeeId);
  }
}
