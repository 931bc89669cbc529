import { Injectable } from '@nestjs/common';
import { ConsultationView, LIVE_EVENTS, Minutes, OpenSessionRequest, SessionView } from '@omnibus/shared';
import { retryTransaction } from '../database/transaction-retry';
import { DataSource, EntityManager } from 'typeorm';
import { canRead, requireAccess } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import { ConsultationsRepository, consultationView } from '../consultations/consultations.repository';
import { buildDraftView } from '../drafts/draft-view.builder';
import { DraftsRepository } from '../drafts/drafts.repository';
import { DraftEvents } from '../events/draft-events';
import { LiveBroadcaster } from '../live/live-broadcaster';
import { SilenceRepository } from '../silence/silence.repository';
import { SilenceService } from '../silence/silence.service';
import { Clock } from '../workflow/clock';
import { WorkflowRepository } from '../workflow/workflow.repository';
import { minutesMarkdown, minutesText } from './minutes';
import { buildQueue } from './queue';
import { SessionGuard } from './session-guard';
import { sessionView } from './session-view';
import { SessionRow, SessionsRepository } from './sessions.repository';

/** Opening and closing approval sessions, and reading them (the room's state, the minutes). */
@Injectable()
export class SessionsService {
  constructor(
    private readonly db: DataSource,
    private readonly drafts: DraftsRepository,
    private readonly sessions: SessionsRepository,
    private readonly guard: SessionGuard,
    private readonly consultations: ConsultationsRepository,
    private readonly silence: SilenceService,
    private readonly silenceRows: SilenceRepository,
    private readonly workflow: WorkflowRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: DraftEvents,
    private readonly live: LiveBroadcaster,
  ) {}

  /** Opens a session at a meeting of the calendar, its queue in the seed's order of consideration. */
  async open(actor: Actor, draftId: string, body: OpenSessionRequest): Promise<SessionView> {
    await this.silence.settleDue(draftId);
    const [view, returned] = await retryTransaction(this.db, async (m) => {
      const draft = await this.drafts.lock(m, draftId);
      if (!canRead(actor, draft)) throw notFound('draft', draftId);
      requireAccess(actor, { action: 'session.run', committeeId: draft.committeeId });
      const { phase } = await this.workflow.get(m, draftId);
      if (phase !== 'negotiation') {
        throw new AppError('invalid_state', `Approval sessions consider the revised version during the negotiation; the draft is in its ${phase} phase.`, { phase });
      }
      const meeting = await this.sessions.meeting(m, body.meetingId);
      if (!canRead(actor, meeting) || meeting.category !== 'meeting') throw notFound('meeting on the calendar', body.meetingId);
      const open = await this.sessions.openFor(m, draftId);
      if (open) throw new AppError('invalid_state', `Approval session ${open.number} is still open; close it before opening another.`, { sessionId: open.id });
      const held = await this.sessions.sessionAtMeeting(m, draftId, meeting.id);
      if (held !== null) throw new AppError('conflict', `The meeting "${meeting.title}" already held approval session ${held}; choose another meeting.`);

      const contents = await this.drafts.contents(draftId, m);
      if (!contents) throw notFound('draft', draftId);
      const queue = buildQueue(buildDraftView(contents), await this.silenceRows.underSilence(m, draftId));
      const id = await this.sessions.insert(m, { draftId, meetingId: meeting.id, openedBy: actor.userId, openedAt: this.clock.now() });
      await this.sessions.addItems(m, id, queue);
      const returned: ConsultationView[] = [];
      for (const item of queue.filter((q) => q.returning)) {
        const consultation = await this.consultations.activeFor(m, item.paragraphId);
        if (!consultation) continue;
        await this.consultations.setStatus(m, consultation.id, 'returned', { sessionId: id });
        const updated = await this.consultations.find(m, consultation.id);
        if (updated) returned.push(consultationView(updated));
      }
      const view = await this.view(m, id);
      await this.audit.record(m, actor, {
        action: 'session.open',
        targetType: 'session',
        targetId: id,
        draftId,
        after: { number: view.number, meeting: view.meeting, queue: view.queue.map((q) => ({ paragraphId: q.paragraphId, label: q.label, group: q.group })) },
      });
      return [view, returned] as const;
    });
    this.events.emit({ type: 'draft.changed', draftId, action: 'session.open', actor });
    this.live.emit(draftId, LIVE_EVENTS.sessionOpened, view);
    for (const c of returned) this.live.emit(draftId, LIVE_EVENTS.consultationChanged, c);
    return view;
  }

  /** Closing records the minutes: the decisions in the order taken and the tally at the close. */
  async close(actor: Actor, sessionId: string): Promise<Minutes> {
    const [minutes, draftId] = await retryTransaction(this.db, async (m) => {
      const { session, draft } = await this.guard.lockOpen(m, actor, sessionId, 'session.run');
      const view = await this.view(m, session.id);
      const minutes: Minutes = {
        sessionId: session.id,
        draftId: draft.id,
        draftSymbol: draft.symbol,
        number: session.number,
        meeting: { title: session.meetingTitle, start: view.meeting.start, date: view.meeting.date, timeZone: await this.workflow.timeZone(m, draft.committeeId) },
        openedAt: view.openedAt,
        closedAt: this.clock.now().toISOString(),
        decisions: view.decisions,
        tally: view.tally,
      };
      await this.sessions.endSpeakers(m, session.id);
      // A paragraph called but not decided waits for the next session like the rest of the queue.
      if (session.currentParagraphId) await this.sessions.setItemStatus(m, session.id, session.currentParagraphId, 'waiting');
      await this.sessions.close(m, session.id, actor.userId, minutes);
      await this.audit.record(m, actor, { action: 'session.close', targetType: 'session', targetId: session.id, draftId: draft.id, after: minutes });
      return [minutes, draft.id] as const;
    });
    this.events.emit({ type: 'draft.changed', draftId, action: 'session.close', actor });
    this.live.emit(draftId, LIVE_EVENTS.sessionClosed, { sessionId, decisions: minutes.decisions.length, tally: minutes.tally });
    return minutes;
  }

  async get(actor: Actor, sessionId: string): Promise<SessionView> {
    const m = this.db.manager;
    const { session } = await this.guard.readable(m, actor, sessionId);
    return this.view(m, session.id);
  }

  async list(actor: Actor, draftId: string): Promise<SessionView[]> {
    const m = this.db.manager;
    const draft = await this.drafts.find(draftId, m);
    if (!canRead(actor, draft)) throw notFound('draft', draftId);
    const rows = await this.sessions.list(m, draftId);
    const out: SessionView[] = [];
    for (const row of rows) out.push(await this.view(m, row.id));
    return out;
  }

  /** The open session of a draft, or null: what a client shows on entering the room. */
  async current(actor: Actor, draftId: string): Promise<SessionView | null> {
    const m = this.db.manager;
    const draft = await this.drafts.find(draftId, m);
    if (!canRead(actor, draft)) throw notFound('draft', draftId);
    const open = await this.sessions.openFor(m, draftId);
    return open ? this.view(m, open.id) : null;
  }

  /** For a socket already admitted to the draft's room: which session its requests go to. */
  async openId(draftId: string): Promise<string | null> {
    return (await this.sessions.openFor(this.db.manager, draftId))?.id ?? null;
  }

  async minutes(actor: Actor, sessionId: string, format: 'json' | 'markdown' | 'text'): Promise<Minutes | string> {
    const { session } = await this.guard.readable(this.db.manager, actor, sessionId);
    if (!session.minutes) {
      throw new AppError('invalid_state', `Approval session ${session.number} is still open; its minutes are recorded when the chair closes it.`);
    }
    if (format === 'markdown') return minutesMarkdown(session.minutes);
    if (format === 'text') return minutesText(session.minutes);
    return session.minutes;
  }

  async view(m: EntityManager, sessionId: string): Promise<SessionView> {
    const session = await this.sessions.find(m, sessionId);
    if (!session) throw notFound('approval session', sessionId);
    return this.render(m, session);
  }

  private async render(m: EntityManager, session: SessionRow): Promise<SessionView> {
    const contents = await this.drafts.contents(session.draftId, m);
    if (!contents) throw notFound('draft', session.draftId);
    const items = await this.sessions.items(m, session.id);
    const decisions = await this.sessions.decisions(m, session.id);
    const speakers = session.status === 'open' ? await this.sessions.speakers(m, session.id) : [];
    return sessionView(session, items, decisions, speakers, buildDraftView(contents));
  }
}
