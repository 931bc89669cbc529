import { Injectable } from '@nestjs/common';
import { CommentView, CreateCommentRequest, LIVE_EVENTS } from '@omnibus/shared';
import { DataSource } from 'typeorm';
import { canRead, requireAccess } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import { DraftsRepository } from '../drafts/drafts.repository';
import { LiveBroadcaster } from '../live/live-broadcaster';
import { ParagraphsRepository } from '../paragraphs/paragraphs.repository';
import { CommentWindowService } from '../workflow/comment-window.service';
import { commentTree, commentView } from './comment-tree';
import { CommentsRepository } from './comments.repository';

/** Threaded comments on a paragraph; delegations comment while the comment window is open. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly db: DataSource,
    private readonly drafts: DraftsRepository,
    private readonly paragraphs: ParagraphsRepository,
    private readonly comments: CommentsRepository,
    private readonly window: CommentWindowService,
    private readonly audit: AuditService,
    private readonly live: LiveBroadcaster,
  ) {}

  async create(actor: Actor, paragraphId: string, body: CreateCommentRequest): Promise<CommentView> {
    const [view, draftId] = await this.db.transaction(async (m) => {
      const p = await this.paragraphs.find(m, paragraphId);
      const draft = p ? await this.drafts.find(p.draftId, m) : null;
      if (!p || !canRead(actor, draft)) throw notFound('paragraph', paragraphId);
      requireAccess(actor, { action: 'comment.create', committeeId: draft.committeeId });
      await this.window.assertOpen(m, actor, draft.id, 'comment');
      if (body.parentId !== undefined) {
        const parent = await this.comments.find(m, body.parentId);
        if (!parent || parent.paragraphId !== paragraphId) {
          throw new AppError('validation_failed', 'parentId must be a comment on the same paragraph.', { issues: [{ path: 'parentId', message: 'not a comment on this paragraph' }] });
        }
      }
      const id = await this.comments.insert(m, {
        draftId: draft.id,
        paragraphId,
        parentId: body.parentId ?? null,
        userId: actor.userId,
        delegationId: actor.delegationId,
        body: body.body,
      });
      const row = await this.comments.find(m, id);
      if (!row) throw notFound('comment', id);
      const view = commentView(row);
      await this.audit.record(m, actor, { action: 'comment.create', targetType: 'comment', targetId: id, draftId: draft.id, after: view });
      return [view, draft.id] as const;
    });
    this.live.emit(draftId, LIVE_EVENTS.commentAdded, view);
    return view;
  }

  async thread(actor: Actor, paragraphId: string): Promise<CommentView[]> {
    const m = this.db.manager;
    const p = await this.paragraphs.find(m, paragraphId);
    const draft = p ? await this.drafts.find(p.draftId, m) : null;
    if (!p || !canRead(actor, draft)) throw notFound('paragraph', paragraphId);
    return commentTree(await this.comments.forParagraph(m, paragraphId));
  }
}
