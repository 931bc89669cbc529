import { Logger } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import type { BracketClaim } from './collab-documents.repository';
import { Y } from './yjs';

/** Who wrote an accepted update and which paragraphs it touched: what the room acts on once it is committed. */
export interface Authorship {
  actor: Actor;
  paragraphs: string[];
  /** The sign-in session it came through: the batch is stored only while that session is live. */
  sessionId?: string;
}

/** What became of one accepted update: stored, or refused because its author's session had ended by the time it was written. */
export type Outcome = 'stored' | 'session_ended';

interface Entry {
  update: Uint8Array;
  /** Null for the server's own changes. */
  by: Authorship | null;
  claims: BracketClaim[];
  /** When it was accepted (performance.now()), for the durability window. */
  at: number;
  settle: (outcome: Outcome) => void;
}

interface Batch {
  entries: Entry[];
  waiters: (() => void)[];
}

export interface PersistenceTimings {
  window?: (ms: number) => void;
  gather?: (ms: number) => void;
  store?: (ms: number) => void;
}

/**
 * Writes one batch in one statement and returns the batch's sequence number, or, storing nothing,
 * the sessions among `sessionIds` that are no longer live (signed out, ended, lapsed, account disabled).
 */
export type BatchWriter = (update: Uint8Array, userIds: string[], claims: BracketClaim[], sessionIds: string[]) => Promise<number | { ended: string[] }>;

const MAX_BATCH = 500;
const MAX_RETRY_DELAY_MS = 2_000;

/**
 * The durability of one room. Updates accepted between two writes become one batch, one row, one
 * transaction: while a batch is being written the next one gathers, so the window is the time of
 * one commit (far under 250 ms) and the row count stays low under load. Every job that writes the
 * room's store (batches, the server's own syncs, reconciliation) runs one at a time, in order;
 * compaction runs beside them (room-store.ts).
 */
export class Persistence {
  private open: Batch | null = null;
  private running: Batch | null = null;
  private flushQueued = false;
  private tail: Promise<void> = Promise.resolve();
  private failures = 0;
  private closed = false;
  private lastFlushAt = 0;

  constructor(
    private readonly write: BatchWriter,
    private readonly committed: (update: Uint8Array, seq: number, authors: Authorship[]) => void,
    private readonly logger: Logger,
    private readonly label: string,
    /** Least time between two batches: zero for a small room, a few ms for a big one (fewer, larger broadcasts). */
    private readonly minGapMs: () => number = () => 0,
    /** Told how long updates wait: from acceptance to commit (the window), to their batch's start, and each batch's write (ms). */
    private readonly observe: PersistenceTimings = {},
    /** Told of accepted updates that were refused at writing time (their session had ended): the shadow must forget them. */
    private readonly onRefused: (updates: Uint8Array[]) => void = () => undefined,
  ) {}

  /** Accepts an update for storing; resolves with what became of it once its batch was written. */
  add(update: Uint8Array, by: Authorship | null, claims: BracketClaim[] = []): Promise<Outcome> {
    if (!this.open) this.open = { entries: [], waiters: [] };
    const open = this.open;
    const outcome = new Promise<Outcome>((settle) => open.entries.push({ update, by, claims, at: performance.now(), settle }));
    this.queueFlush();
    return outcome;
  }

  /** Resolves once everything accepted so far is committed. */
  durable(): Promise<void> {
    const batch = this.open ?? this.running;
    if (!batch) return Promise.resolve();
    return new Promise((resolve) => batch.waiters.push(resolve));
  }

  /** Resolves once every job queued so far (batches, syncs, reconciliation) has finished. */
  settled(): Promise<void> {
    return this.enqueue(async () => undefined);
  }

  /** Runs `job` after everything queued before it, alone. */
  enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.tail.then(job);
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Accepted updates not yet committed, oldest first. */
  pendingUpdates(): Uint8Array[] {
    return [...(this.running?.entries ?? []), ...(this.open?.entries ?? [])].map((e) => e.update);
  }

  get pending(): number {
    return (this.open?.entries.length ?? 0) + (this.running?.entries.length ?? 0);
  }

  close(): void {
    this.closed = true;
  }

  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    const wait = this.lastFlushAt + this.minGapMs() - performance.now();
    if (wait <= 0) void this.enqueue(() => this.flush());
    else setTimeout(() => void this.enqueue(() => this.flush()), wait);
  }

  /**
   * The batch stored nothing: some of its authors' sessions had ended when it was written. Their
   * updates (in this batch and waiting for the next) are refused; everyone else's go back in front,
   * in order, and are written at once. The room rebuilds its shadow without the refused ones.
   */
  private dropEnded(batch: Batch, ended: ReadonlySet<string>): void {
    const later = this.open;
    const all = [...batch.entries, ...(later?.entries ?? [])];
    const isEnded = (e: Entry) => e.by?.sessionId !== undefined && ended.has(e.by.sessionId);
    const refused = all.filter(isEnded);
    this.open = { entries: all.filter((e) => !isEnded(e)), waiters: [...batch.waiters, ...(later?.waiters ?? [])] };
    this.onRefused(refused.map((e) => e.update));
    for (const e of refused) e.settle('session_ended');
    if (this.open.entries.length > 0) this.queueFlush();
    else {
      const waiters = this.open.waiters;
      this.open = null;
      for (const w of waiters) w();
    }
  }

  private async flush(): Promise<void> {
    this.flushQueued = false;
    const batch = this.open;
    if (!batch || batch.entries.length === 0) return;
    if (batch.entries.length > MAX_BATCH) {
      this.open = { entries: batch.entries.splice(MAX_BATCH), waiters: [] };
      // Waiters wait for everything they saw, so they go with the later part.
      this.open.waiters = batch.waiters.splice(0);
      this.queueFlush();
    } else {
      this.open = null;
    }
    this.running = batch;
    const started = performance.now();
    this.lastFlushAt = started;
    if (this.observe.gather) for (const e of batch.entries) this.observe.gather(started - e.at);
    const updates = batch.entries.map((e) => e.update);
    const update = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
    const authors = batch.entries.flatMap((e) => (e.by ? [e.by] : []));
    const userIds = [...new Set(authors.map((a) => a.actor.userId))];
    const sessionIds = [...new Set(authors.flatMap((a) => (a.sessionId === undefined ? [] : [a.sessionId])))];
    const claims = batch.entries.flatMap((e) => e.claims);
    try {
      const seq = await this.write(update, userIds, claims, sessionIds);
      this.failures = 0;
      this.running = null;
      if (typeof seq !== 'number') {
        this.dropEnded(batch, new Set(seq.ended));
        return;
      }
      const done = performance.now();
      this.observe.store?.(done - started);
      if (this.observe.window) for (const e of batch.entries) this.observe.window(done - e.at);
      this.committed(update, seq, authors);
      for (const e of batch.entries) e.settle('stored');
      for (const w of batch.waiters) w();
    } catch (err) {
      this.running = null;
      this.failures++;
      const delay = Math.min(MAX_RETRY_DELAY_MS, 50 * 2 ** this.failures);
      this.logger.error(`${this.label}: storing ${batch.entries.length} update(s) failed (attempt ${this.failures}), retrying in ${delay} ms: ${String(err)}`);
      // Put the batch back in front so nothing acknowledged later overtakes it.
      const later = this.open;
      this.open = { entries: [...batch.entries, ...(later?.entries ?? [])], waiters: [...batch.waiters, ...(later?.waiters ?? [])] };
      if (this.closed) return;
      await new Promise((r) => setTimeout(r, delay));
      this.queueFlush();
    }
  }
}
