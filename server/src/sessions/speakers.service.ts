import { Injectable } from '@nestjs/common';
import { LIVE_EVENTS, SpeakerView } from '@omnibus/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound } from '../common/app-error';
import { LiveBroadcaster } from '../live/live-broadcaster';
import { SessionGuard } from './session-guard';
import { speakerView } from './session-view';
import { SessionRow, SessionsRepository } from './sessions.repository';

/** The speakers' queue: delegations ask for the floor, the chair gives it in turn. */
@Injectable()
export class SpeakersService {
  constructor(
    private readonly db: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly guard: SessionGuard,
    private readonly audit: AuditService,
    private readonly live: LiveBroadcaster,
  ) {}

  async request(actor: Actor, sessionId: string, paragraphId: string | undefined): Promise<SpeakerView[]> {
    return this.change(actor, sessionId, 'floor.request', 'session.floor.request', async (m, session) => {
      const delegationId = actor.delegationId as string;
      const asked = await this.sessions.requestFloor(m, { sessionId: session.id, delegationId, userId: actor.userId, paragraphId: paragraphId ?? null });
      if (!asked) throw new AppError('conflict', `${actor.delegationCode ?? 'Your delegation'} is already on the speakers' list of this session.`);
      return { delegation: actor.delegationCode, paragraphId: paragraphId ?? null };
    });
  }

  async withdraw(actor: Actor, sessionId: string): Promise<SpeakerView[]> {
    return this.change(actor, sessionId, 'floor.request', 'session.floor.withdraw', async (m, session) => {
      const own = (await this.sessions.speakers(m, session.id)).find((s) => s.delegationId === actor.delegationId);
      if (!own) throw new AppError('invalid_state', `${actor.delegationCode ?? 'Your delegation'} is not on the speakers' list.`);
      await this.sessions.setSpeakerStatus(m, session.id, own.id, ['waiting', 'speaking'], 'withdrawn');
      return { delegation: actor.delegationCode };
    });
  }

  /** The speaker finishes and the next delegation in the order asked takes the floor. */
  async next(actor: Actor, sessionId: string): Promise<SpeakerView[]> {
    return this.change(actor, sessionId, 'session.run', 'session.floor.next', async (m, session) => {
      const list = await this.sessions.speakers(m, session.id);
      const speaking = list.find((s) => s.status === 'speaking');
      if (speaking) await this.sessions.setSpeakerStatus(m, session.id, speaking.id, ['speaking'], 'done');
      const next = list.find((s) => s.status === 'waiting');
      if (!speaking && !next) throw new AppError('invalid_state', "The speakers' list is empty.");
      if (next) await this.sessions.setSpeakerStatus(m, session.id, next.id, ['waiting'], 'speaking');
      return { finished: speaking?.delegation ?? null, speaking: next?.delegation ?? null };
    });
  }

  async remove(actor: Actor, sessionId: string, requestId: string): Promise<SpeakerView[]> {
    return this.change(actor, sessionId, 'session.run', 'session.floor.remove', async (m, session) => {
      const removed = await this.sessions.setSpeakerStatus(m, session.id, requestId, ['waiting', 'speaking'], 'removed');
      if (!removed) throw notFound("request on this session's speakers' list", requestId);
      return { requestId };
    });
  }

  async list(actor: Actor, sessionId: string): Promise<SpeakerView[]> {
    const { session } = await this.guard.readable(this.db.manager, actor, sessionId);
    return (await this.sessions.speakers(this.db.manager, session.id)).map(speakerView);
  }

  private async change(
    actor: Actor,
    sessionId: string,
    access: 'session.run' | 'floor.request',
    action: string,
    apply: (m: EntityManager, session: SessionRow) => Promise<Record<string, unknown>>,
  ): Promise<SpeakerView[]> {
    const [speakers, draftId] = await this.db.transaction(async (m) => {
      const { session, draft } = await this.guard.lockOpen(m, actor, sessionId, access);
      const detail = await apply(m, session);
      const speakers = (await this.sessions.speakers(m, session.id)).map(speakerView);
      await this.audit.record(m, actor, { action, targetType: 'session', targetId: session.id, draftId: draft.id, after: detail });
      return [speakers, draft.id] as const;
    });
    this.live.emit(draftId, LIVE_EVENTS.speakersChanged, { sessionId, speakers });
    return speakers;
  }
}
