import type { Logger } from '@nestjs/common';
import type { CollabWriterEvent, CollabWriterRequest } from '@omnibus/shared';
import type { MetricsRegistry } from '../metrics/metrics.registry';
import type { CollabConnection } from './connection';
import type { CollabWritersRepository, HeldWriter, WriterLease } from './collab-writers.repository';
import type { Room } from './room';

/** How long a reused id's grant may wait for this instance to hold every batch written under it before the page keeps its own id. */
const CATCH_UP_MS = 5_000;

/** At most this often, and at most a quarter of the lease, connected pages renew their ids. */
const RENEW_EVERY_MS = 3_600_000;

/** The socket.io reason of a disconnect the page asked for (`socket.disconnect()`: closing the editor, leaving the page). */
const CLEAN_LEAVE = 'client namespace disconnect';

/** The answer when no id could be leased (the database refused, or a reused one could not be caught up with): the page writes under its own. */
const UNAVAILABLE: CollabWriterEvent = { ok: false, reason: 'unavailable', message: 'No writer id could be leased; this page writes under its own.' };

function countLease(metrics: MetricsRegistry, outcome: 'new' | 'reused' | 'resumed' | 'lapsed' | 'unavailable'): void {
  metrics.inc('omnibus_collab_writer_leases_total', 'Yjs client ids asked for by pages, by outcome: a new id, one of the account reused, the page\'s own resumed, refused (lapsed), or none to be had.', `outcome="${outcome}"`);
}

/**
 * Hands pages the Yjs client ids they write under (`CollabWritersRepository` says why and how),
 * holds each while its page is connected, and gives it back when the page leaves; and the same for
 * the id each room merges API changes under (one per opening of a draft otherwise).
 */
export class WriterLeases {
  private readonly held = new Map<string, HeldWriter>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly repo: CollabWritersRepository,
    private readonly leaseMs: number,
    private readonly metrics: MetricsRegistry,
    private readonly logger: Logger,
  ) {
    this.timer = setInterval(() => void this.renew(), Math.min(RENEW_EVERY_MS, Math.max(250, Math.floor(leaseMs / 4)))).unref();
  }

  /**
   * Asks for the page's id as soon as it connects. Its updates wait until this is settled (the first
   * may be under the id it asks for back); the answer goes to the page as the `writer` event.
   */
  start(room: Room, conn: CollabConnection, request: CollabWriterRequest, emit: (event: CollabWriterEvent) => void): void {
    conn.writerSettled = this.settle(room, conn, request)
      .catch((err: unknown): CollabWriterEvent => {
        countLease(this.metrics, 'unavailable');
        this.logger.warn(`draft ${room.draftId}: no writer id for ${conn.actor.username}: ${String(err)}`);
        return UNAVAILABLE;
      })
      .then((event) => {
        conn.writerSettled = null;
        emit(event);
      });
  }

  private async settle(room: Room, conn: CollabConnection, request: CollabWriterRequest): Promise<CollabWriterEvent> {
    const taken = (id: number) => room.live.store.clients.has(id) || room.ownsClient(id);
    // An id the room knows another person (or the server) wrote under is never this page's to ask back.
    const lease: WriterLease =
      request.clientId !== undefined && !room.mayWriteUnder(request.clientId, conn.actor.userId)
        ? { lapsed: request.clientId }
        : await this.repo.lease(room.draftId, conn.actor.userId, request.key, request.clientId, this.leaseMs, taken);
    if ('lapsed' in lease) {
      countLease(this.metrics, 'lapsed');
      conn.lapsedClientId = lease.lapsed;
      return {
        ok: false,
        reason: 'writer_lapsed',
        message: 'This page was away so long that its place in the co-edited text went to another of your pages. What it had not saved is gone; the draft is shown as everyone sees it.',
      };
    }
    const writer: HeldWriter = { draftId: room.draftId, clientId: lease.clientId, key: request.key };
    this.held.set(conn.id, writer);
    if (lease.after === undefined) {
      countLease(this.metrics, request.clientId === undefined ? 'new' : 'resumed');
      return { ok: true, clientId: lease.clientId };
    }
    // A reused id continues its last writer's clock: the page must be sent every batch written under
    // it before it writes (its sync is answered from this room; a batch committed on another instance
    // may not be here yet).
    if (!(await this.caughtUp(room, lease.after))) {
      await this.repo.release(writer, 0);
      this.held.delete(conn.id);
      countLease(this.metrics, 'unavailable');
      return UNAVAILABLE;
    }
    countLease(this.metrics, 'reused');
    return { ok: true, clientId: lease.clientId };
  }

  /** Asked while a room loads (beside its reads), for the id it merges API changes under; null if none could be had. */
  async forRoom(draftId: string, key: string): Promise<WriterLease | null> {
    try {
      return await this.repo.lease(draftId, null, key, undefined, this.leaseMs, () => false);
    } catch (err) {
      this.logger.warn(`draft ${draftId}: no writer id for the room: ${String(err)}`);
      return null;
    }
  }

  /**
   * The room is loaded: the id it was leased, once its live document holds every batch written under
   * it; null (and given back) otherwise, or if it was drawn new and the document has it already.
   */
  async holdForRoom(room: Room, lease: WriterLease, key: string): Promise<number | null> {
    if ('lapsed' in lease) return null;
    const writer: HeldWriter = { draftId: room.draftId, clientId: lease.clientId, key };
    const usable = lease.after === undefined ? !room.live.store.clients.has(lease.clientId) : await this.caughtUp(room, lease.after);
    if (!usable) {
      await this.repo.release(writer, 0).catch(() => undefined);
      return null;
    }
    this.held.set(`room:${key}`, writer);
    return lease.clientId;
  }

  /** The room closed with everything stored: its id is free at once. */
  async giveBackRoom(key: string): Promise<void> {
    const writer = this.held.get(`room:${key}`);
    if (!writer) return;
    this.held.delete(`room:${key}`);
    await this.repo.release(writer, 0).catch((err: unknown) => this.logger.warn(`draft ${writer.draftId}: giving back the room's writer id failed: ${String(err)}`));
  }

  private async caughtUp(room: Room, seq: number): Promise<boolean> {
    const until = performance.now() + CATCH_UP_MS;
    while (room.seqs.contiguous < seq) {
      if (room.closed || performance.now() > until) return false;
      await room.store.catchUp();
      if (room.seqs.contiguous < seq) await new Promise((r) => setTimeout(r, 20));
    }
    return true;
  }

  /**
   * The page left. Its id is given back once everything it sent is answered, at once if it closed
   * cleanly, else after the lease (it may come back with what it typed meanwhile).
   */
  async leave(conn: CollabConnection, reason: string, answered: Promise<void>): Promise<void> {
    await conn.writerSettled;
    const writer = this.held.get(conn.id);
    if (!writer) return;
    this.held.delete(conn.id);
    await answered;
    try {
      await this.repo.release(writer, reason === CLEAN_LEAVE ? 0 : this.leaseMs);
    } catch (err) {
      // It lapses on its own.
      this.logger.warn(`draft ${writer.draftId}: giving back writer id ${writer.clientId} failed: ${String(err)}`);
    }
  }

  private async renew(): Promise<void> {
    try {
      await this.repo.renew([...this.held.values()], this.leaseMs);
    } catch (err) {
      this.logger.warn(`renewing the writer ids of connected pages failed: ${String(err)}`);
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
