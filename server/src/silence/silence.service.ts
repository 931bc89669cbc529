import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { BreakSilenceRequest, LIVE_EVENTS, QueueItemView, SilenceView, StartSilenceRequest, paragraphState } from '@omnibus/shared';
import { DataSource, EntityManager } from 'typeorm';
import { canRead, requireAccess } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import { buildDraftView } from '../drafts/draft-view.builder';
import { DraftsRepository } from '../drafts/drafts.repository';
import { DraftEvents } from '../events/draft-events';
import { LiveBroadcaster } from '../live/live-broadcaster';
import { ParagraphsRepository } from '../paragraphs/paragraphs.repository';
import { ParagraphSettlement } from '../sessions/paragraph-settlement';
import { isDecidable } from '../sessions/queue';
import { queueView } from '../sessions/session-view';
import { SessionsRepository } from '../sessions/sessions.repository';
import { Clock } from '../workflow/clock';
import { describeInstant } from '../workflow/time-zone';
import { WorkflowRepository } from '../workflow/workflow.repository';
import { DeadlineTimers } from './deadline-timers';
import { SilenceRepository, SilenceRow } from './silence.repository';

interface Concluded {
  view: SilenceView;
  draftId: string;
  adopted: string[];
  queue: { sessionId: string; queue: QueueItemView[] } | null;
}

/**
 * The silence procedure: the chair circulates text with a deadline; a delegation breaks silence
 * with a stated objection; at the deadline, unbroken silence adopts the paragraphs and broken
 * silence sends them back to the queue. The outcome is settled when the deadline's timer fires,
 * and also on every read, so a missed timer (a restart, another instance) changes nothing.
 */
@Injectable()
export class SilenceService implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('Silence');
  private readonly timers = new DeadlineTimers(() => this.clock.now(), (id) => void this.concludeLogged(id));
  private stopWatchingClock: (() => void) | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly drafts: DraftsRepository,
    private readonly paragraphs: ParagraphsRepository,
    private readonly silence: SilenceRepository,
    private readonly sessions: SessionsRepository,
    private readonly settlement: ParagraphSettlement,
    private readonly workflow: WorkflowRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: DraftEvents,
    private readonly live: LiveBroadcaster,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.armAll();
    this.stopWatchingClock = this.clock.onChange(() => void this.armAll().catch((err: unknown) => this.log.error(String(err))));
  }

  onModuleDestroy(): void {
    this.stopWatchingClock?.();
    this.timers.clear();
  }

  async start(actor: Actor, draftId: string, body: StartSilenceRequest): Promise<SilenceView> {
    const view = await this.db.transaction(async (m) => {
      const draft = await this.drafts.lock(m, draftId);
      if (!canRead(actor, draft)) throw notFound('draft', draftId);
      requireAccess(actor, { action: 'silence.start', committeeId: draft.committeeId });
      const deadline = new Date(body.deadline);
      const now = this.clock.now();
      if (deadline.getTime() <= now.getTime()) {
        const timeZone = await this.workflow.timeZone(m, draft.committeeId);
        throw new AppError('validation_failed', `The deadline ${describeInstant(deadline, timeZone)} has already passed; give a later one.`, {
          issues: [{ path: 'deadline', message: 'must be in the future' }],
        });
      }
      const busy = await this.silence.underSilence(m, draftId);
      const seen = new Set<string>();
      const id = await this.silence.insert(m, { draftId, deadline, note: body.note ?? null, startedBy: actor.userId, startedAt: now });
      for (const [position, item] of body.items.entries()) {
        const p = await this.paragraphs.lock(m, item.paragraphId);
        if (!p || p.draftId !== draftId) throw notFound('paragraph of this draft', item.paragraphId);
        if (seen.has(p.id)) throw new AppError('validation_failed', `Paragraph ${p.label} is listed twice.`, { issues: [{ path: `items.${position}`, message: 'duplicate' }] });
        seen.add(p.id);
        if (!isDecidable(p.status)) throw new AppError('invalid_state', `Paragraph ${p.label} is ${p.status}; only a paragraph still to be decided goes under silence.`);
        if (busy.has(p.id)) throw new AppError('invalid_state', `Paragraph ${p.label} is already under a silence procedure.`);
        const accepted = item.acceptedAmendmentIds ?? [];
        const text = this.settlement.agreedText(p, await this.settlement.openAmendments(m, p.id), item.text, accepted);
        await this.silence.addItem(m, id, position, { paragraphId: p.id, text, acceptedAmendmentIds: accepted });
      }
      const row = await this.silence.find(m, id);
      if (!row) throw notFound('silence procedure', id);
      const view = await this.view(m, row);
      await this.audit.record(m, actor, { action: 'silence.start', targetType: 'silence', targetId: id, draftId, after: view });
      return view;
    });
    this.timers.arm(view.id, new Date(view.deadline));
    this.live.emit(draftId, LIVE_EVENTS.silenceChanged, view);
    return view;
  }

  /** A delegation breaks silence before the deadline, stating its objection. */
  async object(actor: Actor, procedureId: string, body: BreakSilenceRequest): Promise<SilenceView> {
    await this.concludeIfDue(procedureId);
    const view = await this.db.transaction(async (m) => {
      const s = await this.silence.find(m, procedureId, true);
      if (!canRead(actor, s)) throw notFound('silence procedure', procedureId);
      requireAccess(actor, { action: 'silence.object', committeeId: s.committeeId });
      const now = this.clock.now();
      if (s.status !== 'open' || now.getTime() > s.deadline.getTime()) {
        const timeZone = await this.workflow.timeZone(m, s.committeeId);
        throw new AppError('deadline_passed', `The silence procedure ended on ${describeInstant(s.deadline, timeZone)} (${s.status === 'open' ? 'concluding' : s.status}); objections are no longer received.`, {
          deadline: s.deadline.toISOString(),
          status: s.status,
        });
      }
      const added = await this.silence.addObjection(m, { procedureId, delegationId: actor.delegationId as string, userId: actor.userId, reason: body.reason, at: now });
      if (!added) throw new AppError('conflict', `${actor.delegationCode ?? 'Your delegation'} has already broken silence on this text.`);
      const view = await this.view(m, s);
      await this.audit.record(m, actor, { action: 'silence.break', targetType: 'silence', targetId: procedureId, draftId: s.draftId, after: { reason: body.reason } });
      return view;
    });
    this.live.emit(view.draftId, LIVE_EVENTS.silenceChanged, view);
    return view;
  }

  async get(actor: Actor, procedureId: string): Promise<SilenceView> {
    await this.concludeIfDue(procedureId);
    const s = await this.silence.find(this.db.manager, procedureId);
    if (!canRead(actor, s)) throw notFound('silence procedure', procedureId);
    return this.view(this.db.manager, s);
  }

  async list(actor: Actor, draftId: string): Promise<SilenceView[]> {
    const draft = await this.drafts.find(draftId);
    if (!canRead(actor, draft)) throw notFound('draft', draftId);
    await this.settleDue(draftId);
    const out: SilenceView[] = [];
    for (const s of await this.silence.list(this.db.manager, draftId)) out.push(await this.view(this.db.manager, s));
    return out;
  }

  /** Concludes every procedure of the draft whose deadline has come: what each read calls first. */
  async settleDue(draftId: string): Promise<void> {
    for (const id of await this.silence.due(this.db.manager, this.clock.now(), draftId)) await this.concludeIfDue(id);
  }

  private async concludeIfDue(id: string): Promise<void> {
    const done = await this.db.transaction((m) => this.conclude(m, id));
    if (!done) return;
    this.timers.disarm(id);
    this.live.emit(done.draftId, LIVE_EVENTS.silenceChanged, done.view);
    for (const paragraphId of done.adopted) this.events.emit({ type: 'paragraph.changed', draftId: done.draftId, paragraphId, action: 'silence.adopted', actor: null });
    if (done.queue) this.live.emit(done.draftId, LIVE_EVENTS.queueChanged, done.queue);
  }

  private async conclude(m: EntityManager, id: string): Promise<Concluded | null> {
    const found = await this.silence.find(m, id);
    if (!found) return null;
    await this.drafts.lock(m, found.draftId);
    const s = await this.silence.find(m, id, true);
    const now = this.clock.now();
    if (!s || s.status !== 'open' || s.deadline.getTime() > now.getTime()) return null;
    const objections = await this.silence.objections(m, id);
    const items = await this.silence.items(m, id);
    const adopted: string[] = [];
    let queue: Concluded['queue'] = null;
    if (objections.length === 0) {
      for (const item of items) {
        const p = await this.paragraphs.lock(m, item.paragraphId);
        if (!p || !isDecidable(p.status)) continue;
        const open = await this.settlement.openAmendments(m, p.id);
        await this.settlement.approve(m, p, item.text, item.acceptedAmendmentIds.filter((a) => open.some((o) => o.id === a)));
        adopted.push(p.id);
      }
      await this.drafts.touch(m, s.draftId);
    } else {
      const session = await this.sessions.openFor(m, s.draftId);
      if (session) queue = { sessionId: session.id, queue: await this.returnToQueue(m, session.id, s.draftId, items.map((i) => i.paragraphId)) };
    }
    const status = objections.length === 0 ? 'adopted' : 'broken';
    await this.silence.conclude(m, id, status, now);
    const view = await this.view(m, { ...s, status, concludedAt: now });
    await this.audit.record(m, null, { action: `silence.${status}`, targetType: 'silence', targetId: id, draftId: s.draftId, after: view }, s.committeeId);
    return { view, draftId: s.draftId, adopted, queue };
  }

  /** Broken silence: the paragraphs join the queue of the session under way, or wait for the next one. */
  private async returnToQueue(m: EntityManager, sessionId: string, draftId: string, paragraphIds: readonly string[]): Promise<QueueItemView[]> {
    const contents = await this.drafts.contents(draftId, m);
    if (!contents) throw notFound('draft', draftId);
    const back = contents.paragraphs
      .filter((p) => paragraphIds.includes(p.id) && isDecidable(p.status))
      .map((p) => ({
        paragraphId: p.id,
        group: paragraphState(p.origin, contents.amendments.filter((a) => a.paragraphId === p.id && a.status === 'proposed').length),
        returning: true,
      }));
    await this.sessions.addItems(m, sessionId, back);
    return queueView(await this.sessions.items(m, sessionId), buildDraftView(contents));
  }

  private async view(m: EntityManager, s: SilenceRow): Promise<SilenceView> {
    const timeZone = await this.workflow.timeZone(m, s.committeeId);
    return {
      id: s.id,
      draftId: s.draftId,
      status: s.status,
      deadline: s.deadline.toISOString(),
      deadlineLocal: describeInstant(s.deadline, timeZone),
      note: s.note,
      items: (await this.silence.items(m, s.id)).map((i) => ({ paragraphId: i.paragraphId, sectionKey: i.sectionKey, label: i.label, text: i.text })),
      objections: (await this.silence.objections(m, s.id)).map((o) => ({ delegation: o.delegation, reason: o.reason, createdAt: o.createdAt.toISOString() })),
      startedAt: s.startedAt.toISOString(),
      concludedAt: s.concludedAt?.toISOString() ?? null,
    };
  }

  private async armAll(): Promise<void> {
    for (const s of await this.silence.open(this.db.manager)) this.timers.arm(s.id, s.deadline);
  }

  private async concludeLogged(id: string): Promise<void> {
    if (!this.db.isInitialized) return;
    try {
      await this.concludeIfDue(id);
      // Re-armed when the wait was capped, or the clock was moved back.
      const s = await this.silence.find(this.db.manager, id);
      if (s?.status === 'open') this.timers.arm(id, s.deadline);
    } catch (err) {
      this.log.error(`Concluding silence procedure ${id} failed; it will be settled on the next read: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
