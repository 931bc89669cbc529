import { Injectable } from '@nestjs/common';
import { DraftPhase, LIVE_EVENTS, WorkflowView } from '@omnibus/shared';
import { DataSource, EntityManager } from 'typeorm';
import { canRead, requireAccess } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import { DraftRow, DraftsRepository } from '../drafts/drafts.repository';
import { DraftEvents } from '../events/draft-events';
import { LiveBroadcaster } from '../live/live-broadcaster';
import { Clock } from './clock';
import { windowState } from './comment-window';
import { describeInstant } from './time-zone';
import { WorkflowRepository, WorkflowRow } from './workflow.repository';

/** The one step forward from each phase; the comment window is reopened separately. */
const NEXT: Record<DraftPhase, DraftPhase | null> = {
  drafting: 'comments',
  comments: 'revision',
  revision: 'negotiation',
  negotiation: 'adopted',
  adopted: null,
};

/** The draft's phases (drafting → comments → revision → negotiation → adopted) and its comment window. */
@Injectable()
export class WorkflowService {
  constructor(
    private readonly db: DataSource,
    private readonly drafts: DraftsRepository,
    private readonly workflow: WorkflowRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: DraftEvents,
    private readonly live: LiveBroadcaster,
  ) {}

  async get(actor: Actor, draftId: string): Promise<WorkflowView> {
    const m = this.db.manager;
    const draft = await this.drafts.find(draftId, m);
    if (!canRead(actor, draft)) throw notFound('draft', draftId);
    return this.view(m, draft);
  }

  async view(m: EntityManager, draft: DraftRow): Promise<WorkflowView> {
    const row = await this.workflow.get(m, draft.id);
    const timeZone = await this.workflow.timeZone(m, draft.committeeId);
    const now = this.clock.now();
    return {
      draftId: draft.id,
      phase: row.phase,
      commentDeadline: row.commentDeadline?.toISOString() ?? null,
      commentDeadlineLocal: row.commentDeadline ? describeInstant(row.commentDeadline, timeZone) : null,
      timeZone,
      windowOpen: windowState(row.phase, row.commentDeadline, now).open,
      now: now.toISOString(),
    };
  }

  async setPhase(actor: Actor, draftId: string, phase: DraftPhase, deadlineIso: string | undefined): Promise<WorkflowView> {
    return this.change(actor, draftId, async (m, draft, row) => {
      requireAccess(actor, { action: 'workflow.manage', committeeId: draft.committeeId });
      if (phase === row.phase) throw new AppError('invalid_state', `The draft is already in its ${phase} phase.`);
      if (NEXT[row.phase] !== phase) {
        const next = NEXT[row.phase];
        throw new AppError(
          'invalid_state',
          next === null
            ? 'The draft is adopted; its phase no longer changes.'
            : `From ${row.phase} the draft moves to ${next}, not ${phase}.${row.phase === 'revision' && phase === 'comments' ? ' To reopen the comment window, use POST …/comment-window with a new deadline.' : ''}`,
          { phase: row.phase, next },
        );
      }
      let deadline = row.commentDeadline;
      if (phase === 'comments') {
        if ((await this.workflow.versionsPublished(m, draft.id)) === 0) {
          throw new AppError('invalid_state', "Publish the Chair's first draft before opening the comment window: delegations comment on a distributed version.");
        }
        deadline = deadlineIso !== undefined ? new Date(deadlineIso) : row.commentDeadline;
        if (deadline === null) {
          throw new AppError('validation_failed', 'Opening the comment window needs its deadline (commentDeadline).', {
            issues: [{ path: 'commentDeadline', message: 'required when opening the comment window' }],
          });
        }
        this.assertFuture(deadline, await this.workflow.timeZone(m, draft.committeeId));
      } else if (deadlineIso !== undefined) {
        throw new AppError('validation_failed', 'A comment deadline is set only when opening the comment window.', {
          issues: [{ path: 'commentDeadline', message: `not used when moving to ${phase}` }],
        });
      }
      if (phase === 'negotiation' && (await this.workflow.versionsPublished(m, draft.id, 'revision')) === 0) {
        throw new AppError('invalid_state', 'Publish the revised version (rev. 1) before the negotiation begins: it is the text the sessions consider.');
      }
      if (phase === 'adopted') {
        const open = await this.workflow.paragraphsNotApproved(m, draft.id);
        if (open > 0) {
          throw new AppError('invalid_state', `${open} paragraph${open === 1 ? ' is' : 's are'} still in play without approval; decide on ${open === 1 ? 'it' : 'them'} before adopting the draft.`, {
            outstanding: open,
          });
        }
      }
      return { phase, commentDeadline: deadline, action: `workflow.phase.${phase}` };
    });
  }

  /** Extends the open window, reopens it after it closed (during revision), or plans it while drafting. */
  async setCommentWindow(actor: Actor, draftId: string, deadlineIso: string): Promise<WorkflowView> {
    return this.change(actor, draftId, async (m, draft, row) => {
      requireAccess(actor, { action: 'workflow.manage', committeeId: draft.committeeId });
      const deadline = new Date(deadlineIso);
      this.assertFuture(deadline, await this.workflow.timeZone(m, draft.committeeId));
      switch (row.phase) {
        case 'drafting':
          return { phase: 'drafting', commentDeadline: deadline, action: 'workflow.window.plan' };
        case 'comments':
          return { phase: 'comments', commentDeadline: deadline, action: 'workflow.window.extend' };
        case 'revision':
          return { phase: 'comments', commentDeadline: deadline, action: 'workflow.window.reopen' };
        case 'negotiation':
        case 'adopted':
          throw new AppError('invalid_state', `The draft is in its ${row.phase} phase; the comment window can no longer be reopened.`, { phase: row.phase });
      }
    });
  }

  private assertFuture(deadline: Date, timeZone: string): void {
    if (deadline.getTime() <= this.clock.now().getTime()) {
      throw new AppError('validation_failed', `The deadline ${describeInstant(deadline, timeZone)} has already passed; give a later one.`, {
        issues: [{ path: 'deadline', message: 'must be in the future' }],
      });
    }
  }

  private async change(
    actor: Actor,
    draftId: string,
    decide: (m: EntityManager, draft: DraftRow, row: WorkflowRow) => Promise<{ phase: DraftPhase; commentDeadline: Date | null; action: string }>,
  ): Promise<WorkflowView> {
    const view = await this.db.transaction(async (m) => {
      // The draft lock orders this change with every proposal, which takes the same lock first.
      const draft = await this.drafts.lock(m, draftId);
      if (!canRead(actor, draft)) throw notFound('draft', draftId);
      const before = await this.workflow.get(m, draftId);
      const next = await decide(m, draft, before);
      await this.workflow.save(m, { draftId, phase: next.phase, commentDeadline: next.commentDeadline });
      const after = await this.view(m, draft);
      await this.audit.record(m, actor, {
        action: next.action,
        targetType: 'draft',
        targetId: draftId,
        draftId,
        before: { phase: before.phase, commentDeadline: before.commentDeadline?.toISOString() ?? null },
        after: { phase: after.phase, commentDeadline: after.commentDeadline },
      });
      return [after, next.action] as const;
    });
    this.events.emit({ type: 'draft.changed', draftId, action: view[1], actor });
    this.live.emit(draftId, LIVE_EVENTS.phaseChanged, view[0]);
    return view[0];
  }
}
