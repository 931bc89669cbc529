import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { boundByCommentWindow } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { Clock } from './clock';
import { closedMessage, WindowSubject, windowState } from './comment-window';
import { describeInstant } from './time-zone';
import { WorkflowRepository } from './workflow.repository';

/**
 * The comment window's guard, called inside the transaction of every delegation proposal
 * (new paragraphs, amendments, comments). The workflow row is read FOR SHARE so a concurrent
 * change of phase or deadline is serialised with the proposal, never interleaved.
 */
@Injectable()
export class CommentWindowService {
  constructor(
    private readonly workflow: WorkflowRepository,
    private readonly clock: Clock,
  ) {}

  async assertOpen(m: EntityManager, actor: Actor, draftId: string, subject: WindowSubject): Promise<void> {
    if (!boundByCommentWindow(actor)) return;
    const row = await this.workflow.get(m, draftId, 'share');
    const now = this.clock.now();
    const state = windowState(row.phase, row.commentDeadline, now);
    if (state.open) return;
    const timeZone = await this.workflow.timeZone(m, actor.committeeId);
    throw new AppError('deadline_passed', closedMessage(state, subject, timeZone, now), {
      phase: row.phase,
      // 'phase': the chair moved the draft on, whatever the deadline said.
      reason: state.reason,
      deadline: state.deadline?.toISOString() ?? null,
      deadlineLocal: state.deadline ? describeInstant(state.deadline, timeZone) : null,
      timeZone,
    });
  }
}
