import { Logger } from '@nestjs/common';
import { COLLAB_DOC, CollabAck, CollabErrorEvent, CollabRefusal, ErrorCode, PARAGRAPH_FIELDS, ParagraphOrigin, ParagraphStatus, decodeSponsors } from '@omnibus/shared';
import type { EditJudge, ParagraphFacts } from './bracket-rules';
import type { Pacing } from './collab-config';
import { collabStage, countBatch, countRefusal, durableWindow, joinTime } from './collab-metrics';
import type { Histogram } from '../metrics/metrics.registry';
import type { BracketClaim } from './collab-documents.repository';
import { CollabConnection, Strikes } from './connection';
import { awarenessFrame, Frame, syncStep1Frame, syncStep2Frame, updateFrame } from './frames';
import { AwarenessHub } from './awareness-hub';
import { PRESENCE_TICK_MS, PresencePacer } from './presence-pacer';
import { COMMITTED, COMMITTED_RELEASING, REMOTE, SyncCapture } from './origins';
import { Authorship, Persistence } from './persistence';
import type { RoomDeps } from './room-deps';
import { RoomStore } from './room-store';
import { SeqTracker } from './seq-tracker';
import { decodeUpdate, structClients, UpdateValidator } from './update-validator';
import { Y, type Doc, type YMap } from './yjs';


const REFUSAL_CODES: Partial<Record<CollabRefusal, ErrorCode>> = {
  oversized: 'payload_too_large',
  read_only: 'forbidden',
  base_text: 'forbidden',
  bracket_removed: 'forbidden',
  bracket_forged: 'sponsor_not_consented',
  bracket_foreign: 'forbidden',
  bracket_not_allowed: 'forbidden',
  foreign_client_id: 'forbidden',
  writer_lapsed: 'conflict',
  awareness_impersonation: 'forbidden',
  paragraph_closed: 'invalid_state',
  too_many_refusals: 'rate_limited',
};

/**
 * Room-size-aware pacing. Every broadcast costs a write per socket and a transaction on every client,
 * so a big room trades a little latency for fewer, larger messages. By default a room of more than
 * 50 people leaves at least 0.38 ms × people between two batches (at most 40 ms: 27 ms at 70, 40 ms
 * at 105); a smaller room, or a quiet big one, sends each commit at once. Presence goes out every
 * 10 ms × people (100 ms to 1 s). bench/results/realtime-*.md has the measurements behind these:
 * at 105 editors a 40 ms gap gave the lowest p99 (20 ms: 88–127 ms, 50 ms: 103–106 ms). Every
 * keystroke still reaches every client; it just travels in fewer messages.
 */
export function batchGapMs(connections: number, p: Pacing): number {
  return connections <= p.batchFreeUpTo ? 0 : Math.min(p.batchMaxMs, connections * p.batchMsPerPerson);
}

export function awarenessGapMs(connections: number, base: number, p: Pacing): number {
  return Math.min(p.awarenessMaxMs, Math.max(base, connections * p.awarenessMsPerPerson));
}

/**
 * The answer to a write whose author's session had ended by the time its batch was written: nothing
 * of it was stored; the socket finds out why and closes (collab-socket.ts).
 */
export const SESSION_ENDED: CollabAck = { ok: false, error: 'unauthorized', message: 'This session has ended; nothing more is accepted on it.', details: { reason: 'closing' } };

export interface Refusal {
  reason: CollabRefusal;
  message: string;
  paragraphId?: string;
  amendmentId?: string;
  size?: number;
}

/**
 * One draft's live document on this instance: who is connected, the document and its shadow
 * validator, presence, and the store that makes every acknowledged change durable. A client's change
 * is judged and kept on the shadow; the live document, what everyone is shown and synced from, takes
 * it only once its batch is committed. Broadcasts go out once per committed batch (one encode for the
 * whole room), never once per keystroke.
 */
export class Room {
  readonly name: string;
  readonly connections = new Map<string, CollabConnection>();
  readonly awareness = new AwarenessHub();
  private readonly presence = new PresencePacer(this.awareness);
  readonly persistence: Persistence;
  readonly store: RoomStore;
  readonly seqs: SeqTracker;
  readonly validator: UpdateValidator;
  private readonly logger = new Logger('Collab');
  private readonly strikes = new Strikes();
  /** Yjs client ids and the user each belongs to, so nobody writes under another's id. */
  private readonly clientOwners = new Map<number, string>();
  private readonly paragraphs: YMap<unknown>;
  private readonly delegationIds: ReadonlyMap<string, string>;
  private remoteOut: Uint8Array[] = [];
  private lastAwarenessAt = 0;
  /** The hub's version the other instances have been sent. */
  private publishedVersion = 0;
  private lastProjectionAt = 0;
  /**
   * Whether another instance has this draft open. Publishing to nobody costs a syscall per batch, so
   * a room stops once Redis says it is the only subscriber, and starts again when a peer says hello.
   */
  private peers = true;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly judgeTime: Histogram;
  private readonly fanoutTime: Histogram;
  private readonly joinTime: Histogram;
  /**
   * The answer to a client that joins holding nothing (a page load): sync step 2 with the whole live
   * document, framed. A room that many join at once (the start of a meeting) encodes and frames it
   * once, and every socket is handed the same bytes, not a fresh ~100 kB copy each. Dropped at every change.
   */
  private welcome: Uint8Array | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  /** The lease of the id this room merges API changes under, if it was given one. */
  private writerKey: string | null = null;
  closed = false;

  constructor(
    readonly draftId: string,
    readonly committeeId: string,
    readonly live: Doc,
    headSeq: number,
    readonly delegations: ReadonlyMap<string, { id: string; name: string }>,
    readonly knownAmendments: Set<string>,
    private readonly deps: RoomDeps,
    private readonly onIdle: (room: Room) => void,
  ) {
    this.name = `draft:${draftId}`;
    this.seqs = new SeqTracker(headSeq);
    this.paragraphs = live.getMap(COLLAB_DOC.paragraphs);
    this.delegationIds = new Map([...delegations].map(([code, d]) => [code, d.id]));
    this.clientOwners.set(live.clientID, 'server');
    this.store = new RoomStore(this, deps);
    this.clientOwners.set(this.store.reconcileClientId, 'server');
    const durability = durableWindow(deps.metrics);
    const gather = collabStage(deps.metrics, 'gather');
    const store = collabStage(deps.metrics, 'store');
    this.judgeTime = collabStage(deps.metrics, 'judge');
    this.fanoutTime = collabStage(deps.metrics, 'fanout');
    this.joinTime = joinTime(deps.metrics);
    this.persistence = new Persistence(
      (update, userIds, claims, sessionIds) => this.store.writeBatch(update, userIds, claims, sessionIds),
      (update, seq, authors) => this.committed(update, seq, authors),
      this.logger,
      `draft ${draftId}`,
      () => batchGapMs(this.connections.size, deps.config.pacing),
      { window: (ms) => durability.observe(ms), gather: (ms) => gather.observe(ms), store: (ms) => store.observe(ms) },
      () => this.validator.reset(),
    );
    this.validator = new UpdateValidator(live, () => this.persistence.pendingUpdates());
    live.on('update', (update: Uint8Array, origin: unknown) => this.onLiveUpdate(update, origin));
    this.paragraphs.observeDeep((events, tr) => {
      // Another instance's edits are projected by that instance; this one checks them later, in case it died first.
      if (tr.origin !== REMOTE) return;
      const touched = new Set<string>();
      for (const e of events) {
        const first = e.path[0];
        if (first !== undefined) touched.add(String(first));
        else for (const key of e.keys.keys()) touched.add(key);
      }
      this.store.markRemote(touched);
    });
    const every = (ms: number, fn: () => void) => this.timers.push(setInterval(fn, ms).unref());
    every(PRESENCE_TICK_MS, () => this.flushAwareness());
    every(deps.config.projectEveryMs, () => {
      // A big room projects less often: the tables lag a little more, the machine keeps its CPU for the typing.
      const now = performance.now();
      if (now - this.lastProjectionAt < Math.max(deps.config.projectEveryMs, this.connections.size * 20)) return;
      this.lastProjectionAt = now;
      void this.store.project();
    });
    every(10_000, () => this.awareness.sweep());
    if (deps.bridge.enabled) every(deps.config.catchUpEveryMs, () => void this.store.catchUp());
  }

  private onLiveUpdate(update: Uint8Array, origin: unknown): void {
    this.welcome = null;
    // The shadow judged and kept our own batches before they were stored.
    if (origin === COMMITTED) return;
    this.validator.mirror(update);
    if (origin === REMOTE || origin === COMMITTED_RELEASING) {
      // Another instance's batch, or changes of one the live document held back until now.
      this.broadcastRemote(update);
    } else if (origin instanceof SyncCapture) {
      origin.updates.push(update);
    } else {
      // Yjs's own formatting cleanup after remote changes: ours to store like any change.
      void this.persistence.add(update, null);
    }
  }

  /** Our batch is committed: now, and only now, everyone is shown it and the live document takes it. */
  private committed(update: Uint8Array, seq: number, authors: Authorship[]): void {
    this.announce(update, seq);
    const held = this.live.store.pendingStructs !== null || this.live.store.pendingDs !== null;
    Y.applyUpdate(this.live, update, held ? COMMITTED_RELEASING : COMMITTED);
    for (const a of authors) for (const p of a.paragraphs) this.store.markEdited(p, a.actor);
  }

  /** A committed batch goes to this instance's clients and the other instances. */
  announce(update: Uint8Array, seq: number): void {
    countBatch(this.deps.metrics);
    this.seqs.mark(seq);
    const t0 = performance.now();
    this.deps.emit(this.name, updateFrame(update));
    this.fanoutTime.observe(performance.now() - t0);
    if (this.peers) void this.deps.bridge.publish(this.draftId, { kind: 'update', seq, update }).then((n) => this.notePeers(n));
    this.store.noteRow();
  }

  private notePeers(subscribers: number): void {
    if (subscribers <= 1) this.peers = false;
  }

  /** Another instance spoke on this draft's channel: it has the draft open. */
  peerSeen(): void {
    this.peers = true;
  }

  /** Changes committed by another instance: applied here, sent to this instance's clients in one frame per turn. */
  applyRemote(update: Uint8Array): void {
    Y.applyUpdate(this.live, update, REMOTE);
  }

  private broadcastRemote(update: Uint8Array): void {
    this.remoteOut.push(update);
    if (this.remoteOut.length > 1) return;
    setImmediate(() => {
      const out = this.remoteOut;
      this.remoteOut = [];
      if (out.length > 0) this.deps.emit(this.name, updateFrame(out.length === 1 ? (out[0] as Uint8Array) : Y.mergeUpdates(out)));
    });
  }

  join(conn: CollabConnection): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.connections.set(conn.id, conn);
    // The shadow's state: what a client sent that is still being stored is not asked for again.
    conn.send(syncStep1Frame(this.validator.stateVector()));
    const present = this.awareness.snapshot();
    if (present) conn.send(awarenessFrame(present));
    this.presence.join(conn.id);
  }

  leave(conn: CollabConnection): void {
    this.connections.delete(conn.id);
    this.strikes.forget(conn.id);
    this.presence.leave(conn.id);
    this.awareness.leave(conn.id);
    this.idleIfEmpty();
  }

  /** With nobody connected, the room closes after `idleCloseMs` unless someone joins meanwhile: after the last one leaves, or when it was opened for a handshake that was then refused. */
  idleIfEmpty(): void {
    if (this.connections.size > 0 || this.closed || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      this.onIdle(this);
    }, this.deps.config.idleCloseMs).unref();
  }

  /** Handles one frame; the answer goes to the acknowledgement once it holds (after the commit, for changes). */
  async receive(conn: CollabConnection, frame: Frame): Promise<CollabAck> {
    switch (frame.type) {
      case 'sync-step1': {
        const t0 = performance.now();
        let known: Map<number, number>;
        try {
          known = Y.decodeStateVector(frame.stateVector);
        } catch {
          return this.refuse(conn, { reason: 'malformed_frame', message: 'The state vector of sync step 1 could not be read.' });
        }
        // The live document holds only committed changes: nothing in this answer can be lost in a crash.
        conn.send(known.size === 0 ? (this.welcome ??= syncStep2Frame(Y.encodeStateAsUpdate(this.live))) : syncStep2Frame(Y.encodeStateAsUpdate(this.live, frame.stateVector)));
        if (conn.joinMs !== undefined) {
          this.joinTime.observe(conn.joinMs + performance.now() - t0);
          conn.joinMs = undefined;
        }
        return { ok: true };
      }
      case 'sync-step2':
      case 'update':
        return this.receiveUpdate(conn, frame.update);
      case 'awareness': {
        const result = this.awareness.receive(conn.id, conn.user, frame.update);
        return result.ok ? { ok: true } : this.refuse(conn, result);
      }
    }
  }

  /**
   * Merges API changes under `id` from now on: one of the server's ids, leased to this opening of the
   * draft (`WriterLeases.holdForRoom`) and given back when it closes, so openings do not each add one.
   */
  useWriter(id: number, key: string): void {
    this.writerKey = key;
    this.clientOwners.set(id, 'server');
    this.store.reconcileClientId = id;
  }

  /** Whether `userId` may write under Yjs client `id`: nobody else wrote under it while the room was loaded. */
  mayWriteUnder(id: number, userId: string): boolean {
    return (this.clientOwners.get(id) ?? userId) === userId;
  }

  /** Whether one of this room's own ids (its live document's, its reconciliation's) or a connection's is `id`. */
  ownsClient(id: number): boolean {
    return this.clientOwners.has(id);
  }

  private async receiveUpdate(conn: CollabConnection, update: Uint8Array): Promise<CollabAck> {
    if (conn.writerSettled) await conn.writerSettled;
    const decoded = decodeUpdate(update);
    if (!decoded) return this.refuse(conn, { reason: 'malformed_update', message: 'The update could not be read as a Yjs update.' });
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) {
      // Nothing in it (the sync step 2 of everyone who opens the draft holding nothing): no batch to
      // write nor to show the room. Acknowledged once what was accepted before it is stored, as if it had been.
      await this.persistence.durable();
      return { ok: true };
    }
    const clients = structClients(decoded);
    if (conn.lapsedClientId !== undefined && clients.includes(conn.lapsedClientId)) {
      return this.refuse(conn, {
        reason: 'writer_lapsed',
        message: `This page was away so long that its place in the co-edited text (Yjs client ${conn.lapsedClientId}) went to another of your pages; nothing of this change was stored. Start again from the server's document.`,
      });
    }
    const foreign = clients.find((c) => !this.mayWriteUnder(c, conn.actor.userId));
    if (foreign !== undefined) {
      return this.refuse(conn, { reason: 'foreign_client_id', message: `Yjs client ${foreign} writes for someone else; a document instance belongs to one person.` });
    }
    const judge: EditJudge | null = conn.canWrite
      ? {
          actor: conn.actor,
          committeeId: this.committeeId,
          delegationIds: this.delegationIds,
          isKnownAmendment: (id) => this.knownAmendments.has(id),
        }
      : null;
    const t0 = performance.now();
    const verdict = this.validator.check(update, decoded, judge, (id) => this.facts(id));
    this.judgeTime.observe(performance.now() - t0);
    if (!verdict.ok) return this.refuse(conn, verdict);
    for (const c of clients) this.clientOwners.set(c, conn.actor.userId);
    const claims: BracketClaim[] = verdict.created.map(({ paragraphId, bracket }) => ({
      amendmentId: bracket.id,
      draftId: this.draftId,
      paragraphId,
      userId: conn.actor.userId,
      delegationId: conn.actor.delegationId as string,
    }));
    for (const c of claims) this.knownAmendments.add(c.amendmentId);
    const by: Authorship = { actor: conn.actor, paragraphs: verdict.paragraphs };
    if (conn.sessionId !== undefined) by.sessionId = conn.sessionId;
    const outcome = await this.persistence.add(update, by, claims);
    return outcome === 'stored' ? { ok: true } : SESSION_ENDED;
  }

  facts(paragraphId: string): ParagraphFacts | null {
    const p = this.paragraphs.get(paragraphId) as YMap<unknown> | undefined;
    if (!p) return null;
    return {
      id: paragraphId,
      label: String(p.get(PARAGRAPH_FIELDS.label) ?? paragraphId),
      status: p.get(PARAGRAPH_FIELDS.status) as ParagraphStatus,
      origin: p.get(PARAGRAPH_FIELDS.origin) as ParagraphOrigin,
      sponsors: decodeSponsors(String(p.get(PARAGRAPH_FIELDS.sponsors) ?? '')),
    };
  }

  /** Answers a refused frame (also one refused before it reached the room: framing, size), counting a strike. */
  refuse(conn: CollabConnection, r: Refusal): CollabAck {
    const event: CollabErrorEvent = { error: REFUSAL_CODES[r.reason] ?? 'validation_failed', message: r.message, details: { reason: r.reason } };
    if (r.paragraphId !== undefined) event.details = { ...event.details, paragraphId: r.paragraphId };
    if (r.amendmentId !== undefined) event.details = { ...event.details, amendmentId: r.amendmentId };
    if (r.size !== undefined) event.details = { ...event.details, size: r.size };
    countRefusal(this.deps.metrics, r.reason);
    this.logger.warn(`draft ${this.draftId}: refused a frame from ${conn.actor.username} (${conn.actor.delegationCode ?? conn.actor.role}): ${r.reason}: ${r.message}`);
    conn.error(event);
    if (this.strikes.record(conn.id)) {
      conn.error({ error: 'rate_limited', message: 'Too many refused messages; the connection is closed. Reload the draft.', details: { reason: 'too_many_refusals' } });
      conn.close();
    }
    return { ok: false, error: event.error, message: event.message, ...(event.details ? { details: event.details } : {}) };
  }

  /** Presence out: this tick's turn of local connections, and once a period this instance's own changes to the others. */
  flushAwareness(): void {
    const period = awarenessGapMs(this.connections.size, this.deps.config.awarenessEveryMs, this.deps.config.pacing);
    this.presence.run(this.connections.values(), Math.max(1, Math.round(period / PRESENCE_TICK_MS)));
    const now = performance.now();
    if (now - this.lastAwarenessAt < period) return;
    this.lastAwarenessAt = now;
    const from = this.publishedVersion;
    this.publishedVersion = this.awareness.version;
    if (!this.peers) return;
    const mine = this.awareness.localChangesSince(from);
    if (mine) void this.deps.bridge.publish(this.draftId, { kind: 'awareness', update: mine }).then((n) => this.notePeers(n));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await this.persistence.durable();
    await this.store.project();
    await this.persistence.settled();
    await this.store.compacted();
    // Everything written under the room's id is stored: another opening may take it.
    if (this.writerKey !== null) await this.deps.writers.giveBackRoom(this.writerKey);
    this.persistence.close();
    this.validator.destroy();
    this.live.destroy();
  }
}
