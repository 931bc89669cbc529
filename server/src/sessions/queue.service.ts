import { Injectable } from '@nestjs/common';
import { LIVE_EVENTS, QueueItemView, ReorderQueueRequest } from '@omnibus/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import { buildDraftView } from '../drafts/draft-view.builder';
import { DraftsRepository } from '../drafts/drafts.repository';
import { LiveBroadcaster } from '../live/live-broadcaster';
import { SilenceRepository } from '../silence/silence.repository';
import { Clock } from '../workflow/clock';
import { isDecidable } from './queue';
import { SessionGuard } from './session-guard';
import { indexParagraphs, queueItemView, queueView } from './session-view';
import { ItemRow, SessionRow, SessionsRepository } from './sessions.repository';

/** The chair's hand on the queue: call a paragraph, reorder, skip, and return one to the queue. */
@Injectable()
export class QueueService {
  constructor(
    private readonly db: DataSource,
    private readonly drafts: DraftsRepository,
    private readonly sessions: SessionsRepository,
    private readonly guard: SessionGuard,
    private readonly silence: SilenceRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly live: LiveBroadcaster,
  ) {}

  /** Calls a paragraph (the first waiting one when none is named): everyone connected sees it at once. */
  async call(actor: Actor, sessionId: string, paragraphId: string | undefined): Promise<QueueItemView> {
    const [item, draftId, calledAt] = await this.db.transaction(async (m) => {
      const { session, draft } = await this.guard.lockOpen(m, actor, sessionId, 'session.run');
      const items = await this.sessions.items(m, session.id);
      const target = paragraphId === undefined ? items.find((i) => i.status === 'waiting') : items.find((i) => i.paragraphId === paragraphId);
      if (!target) {
        throw paragraphId === undefined
          ? new AppError('invalid_state', 'No paragraph is waiting in the queue; return a skipped one or close the session.')
          : new AppError('invalid_state', 'That paragraph is not in this session’s queue; return it to the queue first.', { paragraphId });
      }
      if (target.status === 'decided') throw new AppError('invalid_state', 'The session already decided on that paragraph; return it to the queue to take it up again.');
      if ((await this.silence.underSilence(m, draft.id)).has(target.paragraphId)) {
        throw new AppError('invalid_state', 'That paragraph is under the silence procedure until its deadline; it cannot be called meanwhile.');
      }
      if (session.currentParagraphId && session.currentParagraphId !== target.paragraphId) {
        await this.sessions.setItemStatus(m, session.id, session.currentParagraphId, 'waiting');
      }
      await this.sessions.setItemStatus(m, session.id, target.paragraphId, 'called');
      await this.sessions.setCurrent(m, session.id, target.paragraphId);
      const view = await this.itemView(m, session, { ...target, status: 'called' });
      await this.audit.record(m, actor, { action: 'session.call', targetType: 'paragraph', targetId: target.paragraphId, draftId: draft.id, after: { sessionId, label: view.label } });
      return [view, draft.id, this.clock.now().toISOString()] as const;
    });
    this.live.emit(draftId, LIVE_EVENTS.paragraphCalled, { sessionId, item, calledAt });
    return item;
  }

  /** Puts the waiting paragraphs in the order given; decided and skipped ones keep their places. */
  async reorder(actor: Actor, sessionId: string, body: ReorderQueueRequest): Promise<QueueItemView[]> {
    return this.change(actor, sessionId, 'session.reorder', async (m, session, items) => {
      const waiting = items.filter((i) => i.status === 'waiting');
      const given = new Set(body.paragraphIds);
      const missing = waiting.filter((i) => !given.has(i.paragraphId)).map((i) => i.paragraphId);
      const unknown = body.paragraphIds.filter((id) => !waiting.some((i) => i.paragraphId === id));
      if (missing.length > 0 || unknown.length > 0 || given.size !== body.paragraphIds.length) {
        throw new AppError('validation_failed', 'List every waiting paragraph of the queue exactly once, in the new order.', {
          issues: [{ path: 'paragraphIds', message: 'must be a reordering of the waiting paragraphs' }],
          missing,
          unknown,
        });
      }
      const slots = waiting.map((i) => i.position).sort((a, b) => a - b);
      await this.sessions.setPositions(m, session.id, new Map(body.paragraphIds.map((id, i) => [id, slots[i] as number])));
      return { order: body.paragraphIds };
    });
  }

  async skip(actor: Actor, sessionId: string, paragraphId: string): Promise<QueueItemView[]> {
    return this.change(actor, sessionId, 'session.skip', async (m, session, items) => {
      const item = items.find((i) => i.paragraphId === paragraphId);
      if (!item) throw notFound('paragraph in this session’s queue', paragraphId);
      if (item.status !== 'waiting' && item.status !== 'called') {
        throw new AppError('invalid_state', `Only a waiting or called paragraph can be skipped; this one is ${item.status}.`);
      }
      if (session.currentParagraphId === paragraphId) await this.sessions.setCurrent(m, session.id, null);
      await this.sessions.setItemStatus(m, session.id, paragraphId, 'skipped');
      return { paragraphId };
    });
  }

  /** Back to the end of the queue: a skipped paragraph, one decided deferred or held, or any still undecided. */
  async returnToQueue(actor: Actor, sessionId: string, paragraphId: string): Promise<QueueItemView[]> {
    return this.change(actor, sessionId, 'session.return', async (m, session, items) => {
      const contents = await this.drafts.contents(session.draftId, m);
      const paragraph = contents?.paragraphs.find((p) => p.id === paragraphId);
      if (!contents || !paragraph) throw notFound('paragraph of this draft', paragraphId);
      if (!isDecidable(paragraph.status)) {
        throw new AppError('invalid_state', `Paragraph ${paragraph.label} is ${paragraph.status}; only a pending, held or deferred paragraph can be considered.`);
      }
      const item = items.find((i) => i.paragraphId === paragraphId);
      if (item && (item.status === 'waiting' || item.status === 'called')) throw new AppError('invalid_state', `Paragraph ${paragraph.label} is already in the queue.`);
      if ((await this.silence.underSilence(m, session.draftId)).has(paragraphId)) {
        throw new AppError('invalid_state', `Paragraph ${paragraph.label} is under the silence procedure until its deadline.`);
      }
      const draft = buildDraftView(contents);
      const view = indexParagraphs(draft).get(paragraphId);
      await this.sessions.addItems(m, session.id, [{ paragraphId, group: view?.paragraph.state ?? 'consensus', returning: true }]);
      return { paragraphId, label: paragraph.label };
    });
  }

  private async change(
    actor: Actor,
    sessionId: string,
    action: string,
    apply: (m: EntityManager, session: SessionRow, items: ItemRow[]) => Promise<Record<string, unknown>>,
  ): Promise<QueueItemView[]> {
    const [queue, draftId] = await this.db.transaction(async (m) => {
      const { session, draft } = await this.guard.lockOpen(m, actor, sessionId, 'session.run');
      const detail = await apply(m, session, await this.sessions.items(m, session.id));
      const contents = await this.drafts.contents(draft.id, m);
      if (!contents) throw notFound('draft', draft.id);
      const queue = queueView(await this.sessions.items(m, session.id), buildDraftView(contents));
      await this.audit.record(m, actor, { action, targetType: 'session', targetId: session.id, draftId: draft.id, after: detail });
      return [queue, draft.id] as const;
    });
    this.live.emit(draftId, LIVE_EVENTS.queueChanged, { sessionId, queue });
    return queue;
  }

  private async itemView(m: EntityManager, session: SessionRow, item: ItemRow): Promise<QueueItemView> {
    const contents = await this.drafts.contents(session.draftId, m);
    const view = contents ? queueItemView(item, indexParagraphs(buildDraftView(contents))) : null;
    if (!view) throw notFound('paragraph', item.paragraphId);
    return view;
  }
}
