import { COMMITTEE, MEETINGS, MILESTONES, REPORT_REMINDERS } from '@omnibus/shared';
import { EntityManager } from 'typeorm';
import { zonedToUtc } from '../workflow/time-zone';
import { WorkflowRepository } from '../workflow/workflow.repository';
import { CalendarRepository } from './calendar.repository';

/** Comment deadline of the work plan: "prior to August 14, 2022", read as the end of that day in Washington. */
export const SEED_COMMENT_DEADLINE_TIME = '23:59';

/**
 * The work plan's schedule as calendar data (meetings with their agendas, the negotiation's
 * milestones and the yearly report reminders), and the demo draft's planned comment deadline.
 * The draft stays in its drafting phase: the chair opens the window, as the methodology says.
 */
export async function seedCalendar(m: EntityManager, committeeId: string, draftId: string | null): Promise<void> {
  const calendar = new CalendarRepository();
  const tz = COMMITTEE.timeZone;
  for (const meeting of MEETINGS) {
    const timed = meeting.start !== undefined && meeting.end !== undefined;
    await calendar.insert(m, {
      committeeId,
      category: 'meeting',
      kind: meeting.kind,
      title: meeting.title,
      ...(timed
        ? { startsAt: zonedToUtc(meeting.date, meeting.start, tz), endsAt: zonedToUtc(meeting.endDate ?? meeting.date, meeting.end, tz) }
        : { startDate: meeting.date, ...(meeting.endDate ? { endDate: meeting.endDate } : {}) }),
      ...(meeting.location ? { location: meeting.location } : {}),
      tentative: meeting.tentative ?? false,
      ...(meeting.note ? { note: meeting.note } : {}),
      agenda: meeting.agenda.map(({ paragraphRefs, ...item }) => ({ ...item, ...(paragraphRefs ? { paragraphRefs: [...paragraphRefs] } : {}) })),
    });
  }
  for (const milestone of MILESTONES) {
    await calendar.insert(m, { committeeId, category: 'milestone', kind: milestone.kind, title: milestone.title, startDate: milestone.date });
  }
  const year = COMMITTEE.period.match(/\d{4}$/)?.[0] ?? '2022';
  for (const reminder of REPORT_REMINDERS) {
    if (reminder.monthDay === null) continue;
    await calendar.insert(m, {
      committeeId,
      category: 'reminder',
      kind: 'report',
      title: reminder.title,
      startDate: `${year}-${reminder.monthDay}`,
      yearly: true,
      ...(reminder.sources.length > 0 ? { note: `Sources: ${reminder.sources.join('; ')}` } : {}),
    });
  }
  const deadline = MILESTONES.find((x) => x.kind === 'comment_deadline');
  if (draftId !== null && deadline) {
    await new WorkflowRepository().save(m, { draftId, phase: 'drafting', commentDeadline: zonedToUtc(deadline.date, SEED_COMMENT_DEADLINE_TIME, tz) });
  }
}
