import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { COLLAB_EVENTS, CollabSession, type CollabWriterRequest, collabHandshake } from '@omnibus/shared';
import type { Namespace, Socket } from 'socket.io';
import { DataSource } from 'typeorm';
import { canRead, denialReason, requireAccess } from '../access/access.policy';
import type { Actor } from '../auth/actor';
import { AuthService, type Authenticated } from '../auth/auth.service';
import { SessionRegistry } from '../auth/session-registry';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { BatchLoader } from '../common/batch-loader';
import { validate } from '../common/validate';
import { DelegationsRepository } from '../committees/delegations.repository';
import { DraftsRepository } from '../drafts/drafts.repository';
import { UsersRepository } from '../users/users.repository';
import { DraftEvent, DraftEvents } from '../events/draft-events';
import { COLLAB_CONFIG, CollabConfig } from './collab-config';
import { CollabDocumentsRepository } from './collab-documents.repository';
import { CollabWritersRepository } from './collab-writers.repository';
import { WriterLeases } from './writer-leases';
import { collabUser } from './collab-user';
import { wireCollabSocket } from './collab-socket';
import { ProjectionRepository } from './projection.repository';
import { BridgeMessage, RedisBridge } from './redis-bridge';
import { Room } from './room';
import type { RoomDeps } from './room-deps';
import { createDocument, loadRoom } from './room-loader';
import { together } from './write-coalescing';
import { collabJob, countMergePatchFailures, durableWindow } from './collab-metrics';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { transactionRetries } from '../database/transaction-retry';

/** Past this many writers a draft's room says so when it opens (bench:apply: 0.2 ms per keystroke at 1,000, 0.9 at 4,000, 5 at 5,000). */
const WRITERS_WARNING = 3_000;

interface SocketSession {
  actor: Actor;
  sessionId: string;
  draftId: string;
  canWrite: boolean;
  room: Room;
  /** The page asked for a Yjs client id leased to it. */
  writer: CollabWriterRequest | undefined;
  /** performance.now() when the handshake arrived. */
  startedAt: number;
}

/**
 * The rooms of this instance: authenticating a handshake, opening a draft's room on first use and
 * closing it when idle, routing frames to it, and bringing API changes and other instances'
 * batches into it.
 */
@Injectable()
export class CollabService implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Collab');
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly closing = new Map<string, Promise<void>>();
  private nsp: Namespace | null = null;
  private readonly deps: RoomDeps;
  private unsubscribe: (() => void) | null = null;
  private stopped = false;
  /** Drafts known to have a live document; and those whose document is to be made shortly (see prepareSoon). */
  private readonly prepared = new Set<string>();
  private readonly preparing = new Map<string, NodeJS.Timeout>();
  /** The committee of a closed draft: a room's worth of handshakes arriving together shares one query. */
  private readonly committees: BatchLoader<string, { committeeId: string } | null>;
  private readonly writers: WriterLeases;

  constructor(
    db: DataSource,
    docs: CollabDocumentsRepository,
    projection: ProjectionRepository,
    drafts: DraftsRepository,
    audit: AuditService,
    events: DraftEvents,
    private readonly bridge: RedisBridge,
    private readonly auth: AuthService,
    @Inject(COLLAB_CONFIG) config: CollabConfig,
    metrics: MetricsRegistry,
    users: UsersRepository,
    delegations: DelegationsRepository,
    private readonly registry: SessionRegistry,
    @Inject(APP_CONFIG) private readonly appConfig: AppConfig,
    writers: CollabWritersRepository,
  ) {
    this.writers = new WriterLeases(writers, config.writerLeaseMs, metrics, this.logger);
    this.deps = {
      writers: this.writers,
      config,
      db,
      docs,
      projection,
      drafts,
      audit,
      events,
      bridge,
      metrics,
      users,
      delegations,
      // A binary event is two websocket frames: written together, one system call per socket.
      emit: (room, frame) => together(() => this.nsp?.local.to(room).emit(COLLAB_EVENTS.yjs, frame)),
    };
    this.committees = new BatchLoader((ids) => drafts.committeesOf(ids));
  }

  private registerGauges(metrics: MetricsRegistry): void {
    metrics.gauge('omnibus_collab_rooms', 'Drafts open for co-editing on this instance.', () => this.rooms.size);
    durableWindow(metrics);
    collabJob(metrics, 'compact');
    collabJob(metrics, 'project');
    countMergePatchFailures(metrics, 0);
    // Every page load that typed into a draft wrote under a Yjs client id of its own, and the document
    // keeps them all; each transaction walks them twice (docs/realtime.md, "A draft's writers").
    metrics.gauge('omnibus_collab_doc_writers_max', "Most Yjs client ids that have written the document of a draft someone has open (each keystroke's work grows with them).", () =>
      Math.max(0, ...[...(this.nsp?.sockets.values() ?? [])].map((s) => (s.data.collab as SocketSession | undefined)?.room.live.store.clients.size ?? 0)),
    );
    metrics.gauge('omnibus_collab_connections', 'Sockets co-editing on this instance.', () => this.nsp?.sockets.size ?? 0);
    metrics.gauge('omnibus_db_transaction_retries_serialization', 'Transactions run again after PostgreSQL refused them with 40001, since start.', () => transactionRetries.retried['40001']);
    metrics.gauge('omnibus_db_transaction_retries_deadlock', 'Transactions run again after PostgreSQL refused them with 40P01, since start.', () => transactionRetries.retried['40P01']);
    metrics.gauge('omnibus_db_transaction_retries_exhausted', 'Transactions still refused after every retry, since start.', () => transactionRetries.exhausted);
  }

  onModuleInit(): void {
    this.registerGauges(this.deps.metrics);
    this.unsubscribe = this.deps.events.subscribe((event) => this.onDraftEvent(event));
  }

  /**
   * Before the server answers anyone: every draft whose stored document holds batches the paragraph
   * and amendment tables may lack (the process died between a commit and its projection) is loaded
   * and projected in full, so REST, sessions and exports show every acknowledged edit even if nobody
   * opens that draft again.
   */
  async onApplicationBootstrap(): Promise<void> {
    let behind: { draftId: string; committeeId: string }[];
    try {
      behind = await this.deps.docs.behindProjection();
    } catch (err) {
      this.logger.error(`could not look for drafts whose tables lag their co-editing document: ${String(err)}`);
      return;
    }
    for (const { draftId, committeeId } of behind) {
      const t0 = Date.now();
      try {
        const room = await loadRoom(draftId, committeeId, this.deps, () => undefined);
        try {
          const done = await room.store.projectEverything();
          if (!done) this.logger.warn(`draft ${draftId}: some paragraphs are still to be projected; the room goes on when it is opened`);
        } finally {
          await room.close();
        }
        this.logger.log(`draft ${draftId}: brought the paragraph tables up to the stored co-editing document in ${Date.now() - t0} ms`);
      } catch (err) {
        this.logger.error(`draft ${draftId}: bringing the paragraph tables up to the co-editing document failed; it is tried again when the draft is opened: ${String(err)}`);
      }
    }
    // Drafts made before this server kept documents ready, or by the seed: made one by one, after start.
    setTimeout(() => void this.prepareAll(), this.deps.config.prepareAfterMs).unref();
  }

  private async prepareAll(): Promise<void> {
    let ids: string[];
    try {
      ids = await this.deps.docs.withoutDocument();
    } catch (err) {
      this.logger.warn(`could not list the drafts that have no live document yet: ${String(err)}`);
      return;
    }
    for (const id of ids) {
      if (this.stopped) return;
      await this.prepare(id);
    }
  }

  /**
   * Makes the live document of a draft that has none, shortly after the draft was made or changed,
   * so that the first people to open it (a room's worth, at the start of a meeting) load a stored
   * document instead of waiting while it is built from 130 paragraphs. Changes made later through
   * the API are brought in when the draft is opened, as for any draft opened before.
   */
  private prepareSoon(draftId: string): void {
    if (this.stopped || this.prepared.has(draftId) || this.preparing.has(draftId) || this.rooms.has(draftId)) return;
    const timer = setTimeout(() => {
      this.preparing.delete(draftId);
      void this.prepare(draftId);
    }, this.deps.config.prepareAfterMs);
    timer.unref();
    this.preparing.set(draftId, timer);
  }

  private async prepare(draftId: string): Promise<void> {
    if (this.prepared.has(draftId)) return;
    try {
      // An open (or closing) room has its document; another instance may have made it too.
      if (!this.rooms.has(draftId) && !this.closing.has(draftId) && !(await this.deps.docs.exists(draftId))) await createDocument(draftId, this.deps);
      this.prepared.add(draftId);
    } catch (err) {
      // Deleted meanwhile, or the database is away: whoever opens the draft makes the document then.
      this.logger.warn(`draft ${draftId}: making its live document ahead of time failed; it is made when the draft is opened: ${String(err)}`);
    }
  }

  attach(nsp: Namespace): void {
    this.nsp = nsp;
  }

  /**
   * The handshake: who it is, which draft, whether they may write. Opens the room before the socket
   * connects, so no frame is missed. When a room's worth of people open a closed draft at once, the
   * room's reads start as soon as a token signed for the draft's committee arrives, beside the check
   * of its session, and nobody is let in before that check and the access rules pass.
   */
  async authenticate(socket: Socket): Promise<void> {
    const startedAt = performance.now();
    const { token, draftId, writer } = validate(collabHandshake, socket.handshake.auth, 'handshake auth');
    const claims = await this.auth.verifyToken(token);
    const signedIn = this.auth.sessionOf(claims);
    const owner = this.committeeOf(draftId);
    const opening = owner.then((draft) => (draft && draft.committeeId === claims.cid ? this.room(draftId, draft.committeeId) : undefined));
    // Settled here or below; a refused session must not leave them unhandled.
    owner.catch(() => undefined);
    opening.catch(() => undefined);
    const { actor, sessionId, committeeId } = await this.admit(draftId, signedIn, owner).catch((err: unknown) => {
      // A room opened for this handshake alone closes like any room nobody is in.
      void opening.then((r) => r?.idleIfEmpty(), () => undefined);
      throw err;
    });
    const canWrite = denialReason(actor, { action: 'draft.coedit.write', committeeId }) === null;
    const room = (await opening) ?? (await this.room(draftId, committeeId));
    const session: SocketSession = { actor, sessionId, draftId, canWrite, room, writer, startedAt };
    socket.data.collab = session;
  }

  /** Whether this session may join this draft: live, and allowed by the access rules. */
  private async admit(draftId: string, signedIn: Promise<Authenticated>, owner: Promise<{ committeeId: string } | null>): Promise<Authenticated & { committeeId: string }> {
    const { actor, sessionId } = await signedIn;
    const draft = await owner;
    if (!canRead(actor, draft)) throw new AppError('not_found', `No draft with id "${draftId}" exists, or you may not see it.`);
    requireAccess(actor, { action: 'draft.coedit.join', committeeId: draft.committeeId });
    return { actor, sessionId, committeeId: draft.committeeId };
  }

  /** The committee a draft belongs to: an open (or opening) room here names it, so people joining a busy room cost the database no lookup. */
  private async committeeOf(draftId: string): Promise<{ committeeId: string } | null> {
    const open = await this.rooms.get(draftId)?.catch(() => undefined);
    return open ? { committeeId: open.committeeId } : this.committees.load(draftId);
  }

  connect(socket: Socket): void {
    const session = socket.data.collab as SocketSession | undefined;
    if (!session || session.room.closed) {
      socket.emit(COLLAB_EVENTS.error, { error: 'unavailable', message: 'The draft was being closed; connect again.' });
      socket.disconnect(true);
      return;
    }
    const { room, actor } = session;
    const user = collabUser(actor, room.delegations);
    const conn = wireCollabSocket(socket, {
      room,
      sessionId: session.sessionId,
      guard: this.appConfig.guard,
      registry: this.registry,
      metrics: this.deps.metrics,
      logger: this.logger,
      onLeave: (reason, answered) => void this.writers.leave(conn, reason, answered),
      conn: {
        id: socket.id,
        actor,
        user,
        canWrite: session.canWrite,
        sessionId: session.sessionId,
        send: (frame) => together(() => socket.emit(COLLAB_EVENTS.yjs, frame)),
        error: (event) => socket.emit(COLLAB_EVENTS.error, event),
      },
    });
    void socket.join(room.name);
    const hello: CollabSession = { draftId: room.draftId, user, canWrite: session.canWrite };
    // The session, the server's sync step 1 and everyone's presence: one system call.
    together(() => {
      socket.emit(COLLAB_EVENTS.session, hello);
      room.join(conn);
    });
    conn.joinMs = performance.now() - session.startedAt;
    // Observers write nothing, so they need no id.
    if (session.canWrite && session.writer) this.writers.start(room, conn, session.writer, (event) => socket.emit(COLLAB_EVENTS.writer, event));
  }

  /** The open room of a draft on this instance, if any (for tests and the benchmark's memory figure). */
  async openRoom(draftId: string): Promise<Room | null> {
    return (await this.rooms.get(draftId)) ?? null;
  }

  get openRooms(): number {
    return this.rooms.size;
  }

  private async room(draftId: string, committeeId: string): Promise<Room> {
    await this.closing.get(draftId);
    let room = this.rooms.get(draftId);
    if (!room) {
      room = this.open(draftId, committeeId);
      this.rooms.set(draftId, room);
      room.catch(() => this.rooms.delete(draftId));
    }
    return room;
  }

  private async open(draftId: string, committeeId: string): Promise<Room> {
    const room = await loadRoom(draftId, committeeId, this.deps, (r) => void this.close(r));
    this.prepared.add(draftId);
    await this.bridge.join(draftId, (m) => this.onBridge(room, m));
    void this.bridge.publish(draftId, { kind: 'hello' });
    // Batches stored between loading and subscribing.
    void room.store.catchUp();
    const writers = room.live.store.clients.size;
    if (writers > WRITERS_WARNING) {
      this.logger.warn(
        `draft ${draftId}: its document has been written under ${writers} Yjs client ids (one per page load that typed); every keystroke's work grows with them, and past ~4,000 sharply (docs/realtime.md, "A draft's writers")`,
      );
    }
    return room;
  }

  private async close(room: Room): Promise<void> {
    if (room.connections.size > 0 || this.closing.has(room.draftId)) return;
    this.rooms.delete(room.draftId);
    const done = (async () => {
      await this.bridge.leave(room.draftId);
      await room.close();
    })().catch((err: unknown) => this.logger.error(`draft ${room.draftId}: closing the room failed: ${String(err)}`));
    this.closing.set(room.draftId, done);
    await done;
    this.closing.delete(room.draftId);
  }

  private onBridge(room: Room, m: BridgeMessage): void {
    if (room.closed) return;
    room.peerSeen();
    switch (m.kind) {
      case 'update':
        if (room.seqs.has(m.seq)) return;
        room.applyRemote(m.update);
        room.seqs.mark(m.seq);
        if (room.seqs.hasGap) void room.store.catchUp();
        return;
      case 'awareness':
        room.awareness.receiveRemote(m.instance, m.update);
        return;
      case 'hello': {
        const mine = room.awareness.localSnapshot();
        if (mine) void this.bridge.publish(room.draftId, { kind: 'awareness', update: mine });
        return;
      }
    }
  }

  private onDraftEvent(event: DraftEvent): void {
    // The projection's own writes are what the document already says.
    if (event.action === 'paragraph.coedit') return;
    const pending = this.rooms.get(event.draftId);
    if (!pending) {
      this.prepareSoon(event.draftId);
      return;
    }
    void pending.then(
      (room) => room.store.reconcile('paragraphId' in event ? [event.paragraphId] : null),
      () => undefined,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    this.stopped = true;
    this.writers.stop();
    for (const timer of this.preparing.values()) clearTimeout(timer);
    this.preparing.clear();
    const rooms = await Promise.allSettled([...this.rooms.values()]);
    this.rooms.clear();
    await Promise.all(
      rooms.map(async (r) => {
        if (r.status !== 'fulfilled') return;
        await this.bridge.leave(r.value.draftId);
        await r.value.close();
      }),
    );
  }
}
