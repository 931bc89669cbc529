import { Logger, OnModuleDestroy } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import {
  LIVE_CLIENT_EVENTS,
  LIVE_EVENTS,
  LIVE_NAMESPACE,
  LiveAck,
  LiveClientEvents,
  LivePayload,
  LiveServerEvents,
  SESSION_EVENTS,
  liveFloorRequest,
  liveHandshake,
  sessionEndedEvent,
  type SessionEndReason,
} from '@omnibus/shared';
import type { Namespace, Socket } from 'socket.io';
import { canRead } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { AuthService } from '../auth/auth.service';
import { SessionRegistry } from '../auth/session-registry';
import { AppError } from '../common/app-error';
import { DraftsRepository } from '../drafts/drafts.repository';
import { DraftEvent, DraftEvents } from '../events/draft-events';
import { logFailure } from '../logging/logger';
import { SessionsService } from '../sessions/sessions.service';
import { SpeakersService } from '../sessions/speakers.service';
import { WorkflowService } from '../workflow/workflow.service';
import { LiveBroadcaster, liveRoom } from './live-broadcaster';

interface LiveSocketData {
  actor: Actor;
  sessionId: string;
  draftId: string;
  ended?: boolean;
}

// No events pass between instances on this namespace beyond the adapter's own.
type LiveSocket = Socket<LiveClientEvents, LiveServerEvents, Record<string, never>, LiveSocketData>;

/** The answer to a refused request; `log` hears of every failure that is not one of the API's own refusals. */
function refusal(err: unknown, log: (err: unknown) => void): LiveAck<never> {
  if (err instanceof AppError) {
    return err.details === undefined ? { ok: false, error: err.code, message: err.message } : { ok: false, error: err.code, message: err.message, details: err.details };
  }
  log(err);
  return { ok: false, error: 'internal', message: 'Something went wrong on the server; nothing was changed. Try again.' };
}

/** Co-edited text the projection stored: only those paragraphs changed. */
const COEDIT = 'paragraph.coedit';

function draftChanged(event: DraftEvent): LivePayload<typeof LIVE_EVENTS.draftChanged> {
  switch (event.type) {
    case 'paragraph.changed':
      return { draftId: event.draftId, kind: event.action, ids: [event.paragraphId] };
    case 'amendment.changed':
      return { draftId: event.draftId, kind: event.action, ids: [event.paragraphId, event.amendmentId] };
    case 'draft.changed':
      return { draftId: event.draftId, kind: event.action, ids: [] };
  }
}

/**
 * The negotiation room: one socket.io room per draft on namespace /live. The handshake is
 * checked before the connection is accepted (a refused one gets `connect_error` with the API's
 * error body in `data`), the socket joins its draft's room before its first event, and receives
 * the room's state at once, so nothing broadcast after it connected is missed.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit<Namespace>, OnModuleDestroy {
  private readonly log = new Logger('Live');
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly auth: AuthService,
    private readonly drafts: DraftsRepository,
    private readonly workflow: WorkflowService,
    private readonly sessions: SessionsService,
    private readonly speakers: SpeakersService,
    private readonly broadcaster: LiveBroadcaster,
    private readonly registry: SessionRegistry,
    private readonly events: DraftEvents,
  ) {}

  afterInit(namespace: Namespace): void {
    this.broadcaster.attach(namespace);
    // Every committed change reaches the room, so no screen has to re-read the draft on a timer.
    this.unsubscribe = this.events.subscribe((event) => this.announce(event));
    namespace.use((socket, next) => {
      this.admit(socket as LiveSocket).then(
        () => next(),
        (err: unknown) => {
          const body = refusal(err, (e) => logFailure(this.log, 'a /live handshake failed', e));
          const error = new Error(body.ok ? 'refused' : body.message) as Error & { data?: unknown };
          error.data = body.ok ? undefined : { error: body.error, message: body.message };
          next(error);
        },
      );
    });
    namespace.on('connection', (socket: LiveSocket) => {
      const untrack = this.registry.track({
        sessionId: socket.data.sessionId,
        userId: socket.data.actor.userId,
        end: (reason) => this.end(socket, reason),
      });
      socket.on('disconnect', untrack);
      this.state(socket.data).then(
        (state) => socket.emit(LIVE_EVENTS.state, state),
        (err: unknown) => logFailure(this.log, `the state of draft ${socket.data.draftId} for a new /live connection failed`, err),
      );
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Paragraphs of co-edited text the projection stored in this turn of the event loop, per draft. */
  private readonly coedited = new Map<string, Set<string>>();

  /**
   * The projection stores a round of co-edited paragraphs in one transaction and reports each: the
   * room hears of them in one event (one frame per socket, one re-read per screen) once the round's
   * reports are in. Any other change of the draft first lets out what was gathered, so the room
   * hears of changes in the order they were committed.
   */
  private announce(event: DraftEvent): void {
    if (event.type === 'paragraph.changed' && event.action === COEDIT) {
      const gathered = this.coedited.get(event.draftId);
      if (gathered) {
        gathered.add(event.paragraphId);
        return;
      }
      this.coedited.set(event.draftId, new Set([event.paragraphId]));
      setImmediate(() => this.letOut(event.draftId));
      return;
    }
    this.letOut(event.draftId);
    this.broadcaster.emit(event.draftId, LIVE_EVENTS.draftChanged, draftChanged(event));
  }

  private letOut(draftId: string): void {
    const ids = this.coedited.get(draftId);
    if (!ids) return;
    this.coedited.delete(draftId);
    this.broadcaster.emit(draftId, LIVE_EVENTS.draftChanged, { draftId, kind: COEDIT, ids: [...ids] });
  }

  private async admit(socket: LiveSocket): Promise<void> {
    const parsed = liveHandshake.safeParse(socket.handshake.auth);
    if (!parsed.success) {
      throw new AppError('unauthorized', 'Connect with auth: { token, draftId }: the token from POST /api/auth/login and the id of a draft.');
    }
    const { actor, sessionId } = await this.auth.authenticateSession(parsed.data.token);
    const draft = await this.drafts.find(parsed.data.draftId);
    if (!canRead(actor, draft)) throw new AppError('not_found', `No draft with id "${parsed.data.draftId}" exists, or you may not see it.`);
    socket.data = { actor, sessionId, draftId: draft.id };
    await socket.join(liveRoom(draft.id));
  }

  /** Tells the socket why, then closes it (a moment later, so the answer to a request that found the session ended goes out first). */
  private end(socket: LiveSocket, reason: SessionEndReason): void {
    if (socket.data.ended) return;
    socket.data.ended = true;
    (socket as unknown as { emit(event: string, payload: unknown): void }).emit(SESSION_EVENTS.ended, sessionEndedEvent(reason));
    setTimeout(() => socket.disconnect(true), 100).unref();
  }

  /** Every request re-checks its session now, not as it was when the socket opened: a disabled account's open socket can do nothing more. */
  private async live(socket: LiveSocket): Promise<LiveSocketData> {
    const ended = await this.registry.confirm(socket.data.sessionId);
    if (ended !== null) {
      this.end(socket, ended);
      throw new AppError('unauthorized', sessionEndedEvent(ended).message, { reason: ended });
    }
    return socket.data;
  }

  private async state(data: LiveSocketData): Promise<LivePayload<typeof LIVE_EVENTS.state>> {
    const { actor, draftId } = data;
    return {
      draftId,
      user: { username: actor.username, role: actor.role, delegation: actor.delegationCode },
      workflow: await this.workflow.get(actor, draftId),
      session: await this.sessions.current(actor, draftId),
    };
  }

  @SubscribeMessage(LIVE_CLIENT_EVENTS.requestState)
  async requestState(@ConnectedSocket() socket: LiveSocket): Promise<LiveAck> {
    try {
      return { ok: true, data: await this.state(await this.live(socket)) };
    } catch (err) {
      return refusal(err, (e) => this.unexpected(LIVE_CLIENT_EVENTS.requestState, socket, e));
    }
  }

  @SubscribeMessage(LIVE_CLIENT_EVENTS.requestFloor)
  async requestFloor(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<LiveAck> {
    try {
      const parsed = liveFloorRequest.safeParse(body ?? {});
      if (!parsed.success) throw new AppError('validation_failed', 'floor.request takes { paragraphId? } with a paragraph id.');
      const data = await this.live(socket);
      const session = await this.openSession(data);
      return { ok: true, data: await this.speakers.request(data.actor, session, parsed.data.paragraphId) };
    } catch (err) {
      return refusal(err, (e) => this.unexpected(LIVE_CLIENT_EVENTS.requestFloor, socket, e));
    }
  }

  @SubscribeMessage(LIVE_CLIENT_EVENTS.withdrawFloor)
  async withdrawFloor(@ConnectedSocket() socket: LiveSocket): Promise<LiveAck> {
    try {
      const data = await this.live(socket);
      return { ok: true, data: await this.speakers.withdraw(data.actor, await this.openSession(data)) };
    } catch (err) {
      return refusal(err, (e) => this.unexpected(LIVE_CLIENT_EVENTS.withdrawFloor, socket, e));
    }
  }

  private unexpected(event: string, socket: LiveSocket, err: unknown): void {
    logFailure(this.log, `${event} from ${socket.data.actor.username} on draft ${socket.data.draftId} failed`, err);
  }

  private async openSession(data: LiveSocketData): Promise<string> {
    const session = await this.sessions.openId(data.draftId);
    if (session === null) throw new AppError('invalid_state', 'No approval session is open on this draft.');
    return session;
  }
}
