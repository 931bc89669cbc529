import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { canRead, requireAccess } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { AppError, notFound } from '../common/app-error';
import { DraftRow, DraftsRepository } from '../drafts/drafts.repository';
import { SessionRow, SessionsRepository } from './sessions.repository';

/** Finds a session the actor may see and, for changes, locks it and checks it is still open. */
@Injectable()
export class SessionGuard {
  constructor(
    private readonly drafts: DraftsRepository,
    private readonly sessions: SessionsRepository,
  ) {}

  async readable(m: EntityManager, actor: Actor, sessionId: string): Promise<{ session: SessionRow; draft: DraftRow }> {
    const session = await this.sessions.find(m, sessionId);
    const draft = session ? await this.drafts.find(session.draftId, m) : null;
    if (!session || !canRead(actor, draft)) throw notFound('approval session', sessionId);
    return { session, draft };
  }

  /**
   * Locks the draft, then the session (the order every writer of paragraphs uses), after checking
   * who may act; a closed session refuses every change.
   */
  async lockOpen(
    m: EntityManager,
    actor: Actor,
    sessionId: string,
    action: 'session.run' | 'floor.request',
    lockDraft = false,
  ): Promise<{ session: SessionRow; draft: DraftRow }> {
    const { session: found } = await this.readable(m, actor, sessionId);
    const draft = lockDraft ? await this.drafts.lock(m, found.draftId) : await this.drafts.find(found.draftId, m);
    if (!draft) throw notFound('approval session', sessionId);
    requireAccess(actor, { action, committeeId: draft.committeeId });
    const session = await this.sessions.find(m, sessionId, true);
    if (!session) throw notFound('approval session', sessionId);
    if (session.status !== 'open') {
      throw new AppError('invalid_state', `Approval session ${session.number} is closed; its record no longer changes.`, { status: session.status });
    }
    return { session, draft };
  }
}
